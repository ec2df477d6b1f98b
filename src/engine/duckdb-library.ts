/**
 * The DuckDB client library, loaded with require(). It is a CommonJS package of some sixty
 * files: imported as an ES module, Node first parses every file to find its exports, which
 * cost 0.12 s of each `resulta evaluate` start (measured in docs/benchmarks.md). Types are
 * imported from the package as usual; only values come through here.
 */
import { createRequire } from 'node:module';

type Library = typeof import('@duckdb/node-api');

const library = createRequire(import.meta.url)('@duckdb/node-api') as Library;

export const { BIGINT, DuckDBDataChunk, DuckDBInstance, INTEGER, UTINYINT } = library;
