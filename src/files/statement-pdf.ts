/**
 * A bill statement (domain/bill-statement.ts) as a PDF for people: A4, in the reader's
 * language (texts from the catalogue, amounts and days by locale), the programme and the
 * provider named at the top, every page numbered "Page i of n" at the foot.
 *
 * Fonts are PDF's standard Helvetica and Courier, which every reader has, so nothing is
 * embedded; they cover Windows-1252 (WinAnsi), which holds the letters of Spanish and
 * French (á é í ó ú ñ ü ç à è ê ë î ï ô œ « » ’). A character outside it — rare in names,
 * e.g. ő or a Cyrillic letter — is shown as "?" rather than failing the statement; the
 * spaces some locales group digits with (U+202F, U+2009) become no-break spaces.
 *
 * The document carries no creation time, so the same statement gives the same bytes.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { BillStatement, CapHeadroom } from '../domain/bill-statement.js';
import { formatAmount, formatCount, formatDay, formatInstant } from '../domain/locale-format.js';
import { type MessageCode, say } from '../domain/messages/catalogue.js';
import type { Locale } from '../domain/messages/locale.js';
import type { Params } from '../domain/messages/render.js';

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { side: 50, top: 56, bottom: 64 } as const;
const WIDTH = PAGE.width - 2 * MARGIN.side;
const GREY = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.8, 0.8, 0.8);
const SHADE = rgb(0.93, 0.94, 0.96);
const INK = rgb(0.1, 0.1, 0.12);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly mono: PDFFont;
}

interface Column {
  readonly header: string;
  /** Share of the width. */
  readonly share: number;
  readonly align?: 'right';
}

/** The statement as PDF bytes, in `locale`. */
export async function statementPdf(statement: BillStatement, locale: Locale): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const text = (code: MessageCode, params: Params = {}) => say(code, params, locale);
  const title = `${text('output.statement.title')} — ${statement.programme.title}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage(locale);
  doc.setAuthor('Resulta');
  doc.setCreator('Resulta');
  doc.setProducer('Resulta');
  const writer = new PageWriter(doc, fonts);
  new StatementLayout(writer, statement, locale, text).write();
  writer.footers(
    `${statement.programme.title} · ${text('output.statement.bill', { bill: statement.bill.id })}`,
    (page, pages) => text('output.statement.page', { page: String(page), pages: String(pages) }),
  );
  return doc.save();
}

/** The statement's sections, top to bottom. */
class StatementLayout {
  constructor(
    private readonly w: PageWriter,
    private readonly s: BillStatement,
    private readonly locale: Locale,
    private readonly t: (code: MessageCode, params?: Params) => string,
  ) {}

  write(): void {
    this.head();
    this.summary();
    this.payments();
    this.adjustments();
    if (this.s.byProvider.length > 0) this.byProvider();
    this.caps();
    this.approvals();
    this.evidence();
  }

  private money(amount: BillStatement['totals']['total']): string {
    return formatAmount(amount, this.s.currency, this.locale);
  }

  private count(n: number): string {
    return formatCount(n, this.locale);
  }

  private head(): void {
    const { s, t, w } = this;
    w.line(t('output.statement.title'), { font: 'bold', size: 20 });
    w.line(t('output.statement.bill', { bill: s.bill.id }), { size: 11, color: GREY });
    w.gap(10);
    const period =
      s.bill.periodStart === null
        ? t('output.statement.period_to', { to: formatDay(s.bill.periodEnd, this.locale) })
        : t('output.statement.period_range', {
            from: formatDay(s.bill.periodStart, this.locale),
            to: formatDay(s.bill.periodEnd, this.locale),
          });
    w.pairs([
      [t('output.statement.programme'), s.programme.title, 'bold'],
      [
        t('output.statement.provider'),
        s.provider?.name ?? t('output.statement.all_providers'),
        'bold',
      ],
      [t('output.statement.period'), period],
      [t('output.statement.status'), t(`output.status.${s.bill.status}`)],
      [t('output.statement.currency'), s.currency],
    ]);
  }

  private summary(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.summary'));
    w.pairs(
      [
        [t('output.statement.payments_total'), this.money(s.totals.payments)],
        [t('output.statement.adjustments_total'), this.money(s.totals.adjustments)],
        [t('output.statement.total'), this.money(s.totals.total), 'bold'],
        [t('output.statement.participants_total'), this.count(s.totals.participants)],
      ],
      { labelShare: 0.6, alignValues: 'right' },
    );
    if (s.held > 0) w.paragraph(t('output.statement.held', { count: s.held }), { color: GREY });
  }

  private payments(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.payments_heading'));
    if (s.payments.length === 0) {
      w.paragraph(t('output.statement.no_payments'));
      return;
    }
    w.table(
      [
        { header: t('output.statement.col.outcome'), share: 0.4 },
        { header: t('output.statement.col.participants'), share: 0.18, align: 'right' },
        { header: t('output.statement.col.lines'), share: 0.14, align: 'right' },
        { header: t('output.statement.col.amount'), share: 0.28, align: 'right' },
      ],
      s.payments.map((g) => [
        g.outcomeId,
        this.count(g.participants),
        this.count(g.lines),
        this.money(g.amount),
      ]),
      [t('output.statement.total'), '', '', this.money(s.totals.payments)],
    );
    w.paragraph(t('output.statement.lines_note'), { size: 8, color: GREY });
  }

  private adjustments(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.adjustments_heading'));
    if (s.adjustments.length === 0) {
      w.paragraph(t('output.statement.no_adjustments'));
      return;
    }
    w.table(
      [
        { header: t('output.statement.col.outcome'), share: 0.26 },
        { header: t('output.statement.col.cause'), share: 0.34 },
        { header: t('output.statement.col.participants'), share: 0.14, align: 'right' },
        { header: t('output.statement.col.amount'), share: 0.26, align: 'right' },
      ],
      s.adjustments.map((g) => [
        g.outcomeId,
        g.correction === null
          ? t('output.statement.cause.data')
          : t('output.statement.cause.correction', { version: String(g.correction) }),
        this.count(g.participants),
        this.money(g.amount),
      ]),
      [t('output.statement.total'), '', '', this.money(s.totals.adjustments)],
    );
  }

  private byProvider(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.by_provider_heading'));
    w.table(
      [
        { header: t('output.statement.col.provider'), share: 0.52 },
        { header: t('output.statement.col.participants'), share: 0.2, align: 'right' },
        { header: t('output.statement.col.amount'), share: 0.28, align: 'right' },
      ],
      s.byProvider.map((p) => [p.name, this.count(p.participants), this.money(p.amount)]),
      [t('output.statement.total'), '', this.money(s.totals.total)],
    );
  }

  private caps(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.caps_heading', { day: formatDay(s.caps.asOf, this.locale) }));
    if (s.caps.lines.length === 0) {
      w.paragraph(t('output.statement.no_caps'));
      return;
    }
    w.table(
      [
        { header: t('output.statement.col.cap'), share: 0.34 },
        { header: t('output.statement.col.limit'), share: 0.22, align: 'right' },
        { header: t('output.statement.col.used'), share: 0.22, align: 'right' },
        { header: t('output.statement.col.headroom'), share: 0.22, align: 'right' },
      ],
      s.caps.lines.map((c) => this.capRow(c)),
    );
    w.paragraph(t('output.statement.caps_note'), { size: 8, color: GREY });
  }

  private capRow(c: CapHeadroom): string[] {
    const { t } = this;
    switch (c.kind) {
      case 'total':
        return [
          t('output.statement.cap.total'),
          this.money(c.limit),
          this.money(c.used),
          this.money(c.headroom),
        ];
      case 'volume':
        return [
          t('output.statement.cap.volume', { outcome: c.outcomeId }),
          this.count(c.limit),
          this.count(c.used),
          this.count(c.headroom),
        ];
      case 'participant':
        return [t('output.statement.cap.participant'), this.money(c.limit), '—', '—'];
    }
  }

  private approvals(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.approvals_heading'));
    w.table(
      [
        { header: t('output.statement.col.step'), share: 0.15 },
        { header: t('output.statement.col.by'), share: 0.33 },
        { header: t('output.statement.col.when'), share: 0.22 },
        { header: t('output.statement.col.reason'), share: 0.3 },
      ],
      s.approvals.map((a) => [
        t(`output.action.${a.action}`),
        [a.by, a.organisation, a.by === a.actor ? null : a.actor].filter(Boolean).join('\n'),
        formatInstant(a.at, this.locale),
        a.reason,
      ]),
    );
  }

  private evidence(): void {
    const { s, t, w } = this;
    w.heading(t('output.statement.evidence_heading'));
    w.paragraph(
      t('output.statement.run', {
        run: s.evidence.runId,
        day: formatDay(s.evidence.asOf, this.locale),
        version: String(s.evidence.contractVersion),
      }),
    );
    w.gap(4);
    w.line(t('output.statement.pack'), { font: 'bold', size: 9 });
    w.line(s.evidence.packSha256, { font: 'mono', size: 8.5 });
    w.gap(4);
    w.paragraph(t('output.statement.verify_hint', { run: s.evidence.runId }), {
      size: 8,
      color: GREY,
    });
  }
}

interface TextStyle {
  readonly font?: keyof Fonts;
  readonly size?: number;
  readonly color?: ReturnType<typeof rgb>;
}

/** Draws lines, paragraphs and tables down the pages, starting a page when one is full. */
class PageWriter {
  private page: PDFPage;
  private y = 0;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** One line of text, cut to the width if it is longer. */
  line(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    this.room(size * 1.4);
    this.draw(oneLine(text, this.font(style), size, WIDTH), MARGIN.side, size, style);
    this.y -= size * 1.4;
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    for (const line of wrap(text, this.font(style), size, WIDTH)) this.line(line, style);
    this.y -= 2;
  }

  heading(text: string): void {
    this.y -= 10;
    this.room(60); // a heading never sits alone at the foot of a page
    this.line(text, { font: 'bold', size: 13 });
    this.page.drawLine({
      start: { x: MARGIN.side, y: this.y + 9 },
      end: { x: MARGIN.side + WIDTH, y: this.y + 9 },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 2;
  }

  /** Label and value pairs in two columns; a third member `bold` sets the value in bold. */
  pairs(
    rows: readonly (readonly [string, string, 'bold'?])[],
    options: { labelShare?: number; alignValues?: 'right' } = {},
  ): void {
    const size = 10;
    const labelWidth = WIDTH * (options.labelShare ?? 0.28);
    const valueWidth = WIDTH - labelWidth;
    for (const [label, value, weight] of rows) {
      const valueFont = weight === 'bold' ? this.fonts.bold : this.fonts.regular;
      const labels = wrap(label, this.fonts.regular, size, labelWidth - 8);
      const values = wrap(value, valueFont, size, valueWidth);
      const height = Math.max(labels.length, values.length) * size * 1.35 + 3;
      this.room(height);
      labels.forEach((l, i) => {
        this.draw(l, MARGIN.side, size, { color: GREY }, i);
      });
      values.forEach((v, i) => {
        const x =
          options.alignValues === 'right'
            ? MARGIN.side + WIDTH - valueFont.widthOfTextAtSize(v, size)
            : MARGIN.side + labelWidth;
        this.draw(v, x, size, { font: weight === 'bold' ? 'bold' : 'regular' }, i);
      });
      this.y -= height;
    }
  }

  /** A table with a shaded header row, repeated on each page it runs onto; `total` in bold. */
  table(columns: readonly Column[], rows: readonly string[][], total?: readonly string[]): void {
    const size = 9;
    const header = () =>
      this.row(
        columns,
        columns.map((c) => c.header),
        size,
        'header',
      );
    this.room(size * 4);
    header();
    for (const cells of rows) {
      if (!this.fits(this.rowHeight(columns, cells, size))) {
        this.newPage();
        header();
      }
      this.row(columns, cells, size, 'body');
    }
    if (total) this.row(columns, [...total], size, 'total');
    this.y -= 6;
  }

  private rowHeight(columns: readonly Column[], cells: readonly string[], size: number): number {
    const lines = columns.map(
      (c, i) => wrap(cells[i] ?? '', this.fonts.regular, size, WIDTH * c.share - 8).length,
    );
    return Math.max(1, ...lines) * size * 1.3 + 6;
  }

  private row(
    columns: readonly Column[],
    cells: readonly string[],
    size: number,
    kind: 'header' | 'body' | 'total',
  ): void {
    const height = this.rowHeight(columns, cells, size);
    this.room(height);
    if (kind === 'header')
      this.page.drawRectangle({
        x: MARGIN.side,
        y: this.y - height + size,
        width: WIDTH,
        height,
        color: SHADE,
      });
    const font = kind === 'body' ? 'regular' : 'bold';
    let x = MARGIN.side;
    columns.forEach((c, i) => {
      const width = WIDTH * c.share;
      wrap(cells[i] ?? '', this.fonts[font], size, width - 8).forEach((line, n) => {
        const left =
          c.align === 'right'
            ? x + width - 4 - this.fonts[font].widthOfTextAtSize(line, size)
            : x + 4;
        this.draw(line, left, size, { font }, n, 3);
      });
      x += width;
    });
    this.y -= height;
    if (kind !== 'header')
      this.page.drawLine({
        start: { x: MARGIN.side, y: this.y + size - 1 },
        end: { x: MARGIN.side + WIDTH, y: this.y + size - 1 },
        thickness: 0.4,
        color: RULE,
      });
  }

  /** "Page i of n" and the document's name at the foot of every page, once all are made. */
  footers(name: string, pageOf: (page: number, pages: number) => string): void {
    const size = 8;
    this.pages.forEach((page, i) => {
      const right = winAnsi(pageOf(i + 1, this.pages.length), this.fonts.regular);
      const left = oneLine(name, this.fonts.regular, size, WIDTH * 0.7);
      const y = MARGIN.bottom / 2;
      page.drawText(left, { x: MARGIN.side, y, size, font: this.fonts.regular, color: GREY });
      page.drawText(right, {
        x: MARGIN.side + WIDTH - this.fonts.regular.widthOfTextAtSize(right, size),
        y,
        size,
        font: this.fonts.regular,
        color: GREY,
      });
    });
  }

  private draw(text: string, x: number, size: number, style: TextStyle, line = 0, pad = 0): void {
    this.page.drawText(text, {
      x,
      y: this.y - line * size * 1.3 - pad,
      size,
      font: this.font(style),
      color: style.color ?? INK,
    });
  }

  private font(style: TextStyle): PDFFont {
    return this.fonts[style.font ?? 'regular'];
  }

  private fits(height: number): boolean {
    return this.y - height >= MARGIN.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private room(height: number): void {
    if (!this.fits(height)) this.newPage();
  }

  private newPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN.top;
    return this.page;
  }
}

/** The text with what the font cannot show replaced: group spaces by a no-break space, the rest by "?". */
export function winAnsi(text: string, font: PDFFont): string {
  const shown = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text.replace(/[\u202f\u2009\u2007]/g, '\u00a0')) {
    const code = ch.codePointAt(0) as number;
    out += ch === '\n' || shown.has(code) ? ch : '?';
  }
  return out;
}

/** Lines of at most `width` points, broken at spaces (and inside a word longer than a line). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of winAnsi(text, font).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** One line of at most `width` points, ending in "…" when cut. */
function oneLine(text: string, font: PDFFont, size: number, width: number): string {
  const safe = winAnsi(text, font).replaceAll('\n', ' ');
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let cut = safe.length;
  while (cut > 0 && font.widthOfTextAtSize(`${safe.slice(0, cut)}…`, size) > width) cut--;
  return `${safe.slice(0, cut)}…`;
}
