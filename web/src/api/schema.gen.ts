// Generated from docs/openapi.json by web/scripts/openapi-types.ts during `npm run build`.
// Do not edit: change the API, run `npm run openapi`, then build.

export interface paths {
  '/admin/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              invitations: ({
                id: string;
                email: string;
                name: string;
                organisation: {
                  id: string;
                  name: string;
                  kind: 'funder' | 'provider' | 'verifier' | 'investor';
                };
                role: 'member' | 'organisation_admin' | 'programme_admin' | 'platform_admin';
                programme: {
                  id: string;
                  title: string;
                } | null;
                language: 'en' | 'es' | 'fr';
                invited_by: string;
                created_at: string;
                expires_at: string;
                status: 'pending' | 'expired' | 'accepted' | 'withdrawn';
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            name?: string;
            organisation: string;
            role: string;
            programme?: string;
            language?: 'en' | 'es' | 'fr';
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              email: string;
              name: string;
              organisation: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
              };
              role: 'member' | 'organisation_admin' | 'programme_admin' | 'platform_admin';
              programme: {
                id: string;
                title: string;
              } | null;
              language: 'en' | 'es' | 'fr';
              invited_by: string;
              created_at: string;
              expires_at: string;
              status: 'pending' | 'expired' | 'accepted' | 'withdrawn';
              delivered_by: 'smtp' | 'outbox';
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        502: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/invitations/{invitation}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          invitation: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              email: string;
              name: string;
              organisation: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
              };
              role: 'member' | 'organisation_admin' | 'programme_admin' | 'platform_admin';
              programme: {
                id: string;
                title: string;
              } | null;
              language: 'en' | 'es' | 'fr';
              invited_by: string;
              created_at: string;
              expires_at: string;
              status: 'pending' | 'expired' | 'accepted' | 'withdrawn';
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              organisations: ({
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
                programmes: number;
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            id: string;
            name: string;
            kind: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              name: string;
              kind: 'funder' | 'provider' | 'verifier' | 'investor';
              active_users: number;
              programmes: number;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/programmes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programmes: ({
                id: string;
                title: string;
                funder: {
                  id: string;
                  name: string;
                };
                created_at: string;
                contract_version: number | null;
                members: number;
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            id: string;
            title: string;
            funder: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              title: string;
              funder: {
                id: string;
                name: string;
              };
              created_at: string;
              contract_version: number | null;
              members: number;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/programmes/{programmeId}/contract': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programmeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            yaml: string;
            reason?: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              version: number;
              status: 'in_force' | 'pending_correction' | 'rejected';
              affects_from: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/programmes/{programmeId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programmeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programme: {
                id: string;
                title: string;
              };
              funder: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
              };
              members: ({
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
              })[];
              administrators: ({
                id: string;
                email: string;
                name: string;
                active: boolean;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programmeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            organisation: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programme: {
                id: string;
                title: string;
              };
              funder: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
              };
              members: ({
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
              })[];
              administrators: ({
                id: string;
                email: string;
                name: string;
                active: boolean;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/programmes/{programmeId}/members/{organisation}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query: {
          reason: string;
        };
        header?: never;
        path: {
          programmeId: string;
          organisation: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programme: {
                id: string;
                title: string;
              };
              funder: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
              };
              members: ({
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
                active_users: number;
              })[];
              administrators: ({
                id: string;
                email: string;
                name: string;
                active: boolean;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          organisation?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              users: ({
                id: string;
                email: string;
                name: string;
                organisation: {
                  id: string;
                  name: string;
                  kind: 'funder' | 'provider' | 'verifier' | 'investor';
                };
                roles: ({
                  role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
                  programme: string | null;
                })[];
                active: boolean;
                created_at: string;
                deactivated_at: string | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          user: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              email: string;
              name: string;
              organisation: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
              };
              roles: ({
                role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
                programme: string | null;
              })[];
              active: boolean;
              created_at: string;
              deactivated_at: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          user: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
            programme?: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              email: string;
              name: string;
              organisation: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
              };
              roles: ({
                role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
                programme: string | null;
              })[];
              active: boolean;
              created_at: string;
              deactivated_at: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user}/roles/{role}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: {
          programme?: string;
        };
        header?: never;
        path: {
          user: string;
          role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              email: string;
              name: string;
              organisation: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
              };
              roles: ({
                role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
                programme: string | null;
              })[];
              active: boolean;
              created_at: string;
              deactivated_at: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              entries: number;
              intact: boolean;
              broken_at: string | null;
              breaks: ({
                id: string;
                content_changed: boolean;
                link_broken: boolean;
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              token: string;
              expires_in_hours: number;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              ended: boolean;
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              tokens: ({
                id: string;
                name: string;
                organisation: string;
                created_by: string;
                scopes: ('read' | 'write')[];
                created_at: string;
                expires_at: string;
                last_used_at: string | null;
                expired: boolean;
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            scopes: ('read' | 'write')[];
            expires_in_days?: number;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              name: string;
              organisation: string;
              created_by: string;
              scopes: ('read' | 'write')[];
              created_at: string;
              expires_at: string;
              last_used_at: string | null;
              expired: boolean;
              token: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              revoked: true;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';
              period_end: string;
              total_cents: number;
              lines: number;
              adjustments: {
                lines: number;
                total_cents: number;
              };
              corrections: ({
                lines: number;
                total_cents: number;
                version: number;
              })[];
              held: (string)[];
              run: {
                id: string;
                as_of: string;
                contract_version: number;
                paid_cents: number | null;
              };
              created_by: string;
              created_at: string;
              by_outcome: ({
                outcome_id: string;
                lines: number;
                total_cents: number;
              })[];
              approvals: ({
                action: string;
                by: string;
                at: string;
                reason: string;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          kind?: 'payment' | 'adjustment';
          provider?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              lines: ({
                participant_id: string;
                provider_id: string;
                outcome_id: string;
                cumulative_cents: number;
                previously_paid_cents: number;
                amount_cents: number;
                kind: 'payment' | 'adjustment';
                correction_version: number | null;
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/pay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header: {
          'idempotency-key': string;
        };
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';
              period_end: string;
              total_cents: number;
              lines: number;
              adjustments: {
                lines: number;
                total_cents: number;
              };
              corrections: ({
                lines: number;
                total_cents: number;
                version: number;
              })[];
              held: (string)[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/statement.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          provider?: string;
        };
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/pdf': string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/statement.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          provider?: string;
        };
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{bill}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          bill: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/invitations/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              email: string;
              name: string;
              organisation: {
                id: string;
                name: string;
                kind: 'funder' | 'provider' | 'verifier' | 'investor';
              };
              role: 'member' | 'organisation_admin' | 'programme_admin' | 'platform_admin';
              programme: {
                id: string;
                title: string;
              } | null;
              language: 'en' | 'es' | 'fr';
              invited_by: string;
              expires_at: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/invitations/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            name?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              token: string;
              expires_in_hours: number;
              user: {
                id: string;
                email: string;
                name: string;
                organisation: string;
              };
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              name: string | null;
              role: 'funder' | 'provider' | 'verifier' | 'investor';
              organisation: {
                id: string;
                name: string;
              };
              credential: {
                kind: 'session' | 'token';
                scopes?: (string)[];
              };
              administers: ({
                role: 'platform_admin' | 'organisation_admin' | 'programme_admin';
                programme: string | null;
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programmes: ({
                id: string;
                title: string;
                funder: {
                  id: string;
                  name: string;
                };
                role: 'funder' | 'provider' | 'verifier' | 'investor';
                created_at: string;
              })[];
            };
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/bills': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          status?: 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';
          from?: string;
          to?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              bills: ({
                id: string;
                status: 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';
                period_end: string;
                total_cents: number;
                run_id: string;
                created_by: string;
                created_at: string;
                decided_by: string | null;
                decided_at: string | null;
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            period_end: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: 'draft' | 'verified' | 'approved' | 'paid' | 'rejected';
              period_end: string;
              total_cents: number;
              lines: number;
              adjustments: {
                lines: number;
                total_cents: number;
              };
              corrections: ({
                lines: number;
                total_cents: number;
                version: number;
              })[];
              held: (string)[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/contract': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              in_force: {
                version: number;
                title: string;
                currency: string;
              } | null;
              versions: ({
                version: number;
                status: 'in_force' | 'pending_correction' | 'rejected';
                sha256: string;
                reason: string;
                created_by: string;
                created_at: string;
                affects_from: string | null;
                correction: {
                  reason: string;
                  decided_by: string | null;
                  decided_at: string | null;
                  decision_reason: string | null;
                } | null;
                yaml: string;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/contract-versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              versions: ({
                version: number;
                status: 'in_force' | 'pending_correction' | 'rejected';
                sha256: string;
                reason: string;
                created_by: string;
                created_at: string;
                affects_from: string | null;
                correction: {
                  reason: string;
                  decided_by: string | null;
                  decided_at: string | null;
                  decision_reason: string | null;
                } | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            yaml: string;
            reason: string;
            correction?: {
              reason: string;
            };
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              version: number;
              status: 'in_force' | 'pending_correction' | 'rejected';
              affects_from: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/contract-versions/{version}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              version: number;
              status: 'in_force' | 'pending_correction' | 'rejected';
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/contract-versions/{version}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              version: number;
              status: 'in_force' | 'pending_correction' | 'rejected';
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programme: string;
              participants: number;
              by_provider: {
                [key: string]: number;
              };
              latest_run: {
                id: string;
                as_of: string;
                paid: string;
              } | null;
              ledger_paid: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/dashboard/figures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          provider?: string;
          segment?: string;
          cohort_from?: string;
          cohort_to?: string;
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              programme: string;
              currency: string;
              as_of: string | null;
              run: string | null;
              contract_ends_on: string;
              options: {
                providers: ({
                  id: string;
                  name: string | null;
                })[];
                segments: (string)[];
                months: (string)[];
              };
              totals: {
                enrolled: number;
                achieved: number;
                payable: string;
                paid: string;
                cost_per_sustained_job: string | null;
              };
              funnel: ({
                stage: 'enrolled' | 'trained' | 'job_start' | 'retained';
                participants: number;
              })[];
              outcomes: ({
                id: string;
                kind: string;
                achieved: number;
                payable: string;
              })[];
              over_time: ({
                month: string;
                achieved: (number)[];
                payable: string;
              })[];
              paid_over_time: ({
                period_end: string;
                paid: string;
              })[];
              caps: {
                total: {
                  limit: string;
                  used: string;
                  monthly_rate: string;
                  forecast_month: string | null;
                  reached: boolean;
                } | null;
                per_participant: {
                  limit: string;
                  at_limit: number;
                } | null;
                volume: ({
                  outcome: string;
                  limit: number;
                  used: number;
                  monthly_rate: number;
                  forecast_month: string | null;
                  reached: boolean;
                })[];
              };
              by_provider: ({
                id: string;
                name: string | null;
                enrolled: number;
                trained: number;
                job_start: number;
                retained: number;
                payable: string;
                cost_per_sustained_job: string | null;
              })[];
              by_segment: ({
                id: string;
                name: string | null;
                enrolled: number;
                trained: number;
                job_start: number;
                retained: number;
                payable: string;
                cost_per_sustained_job: string | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/employment-datasets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              datasets: ({
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query: {
          format: 'csv' | 'xlsx' | 'parquet';
          name?: string;
          check?: 'true' | 'false';
          columns?: string;
          supersedes?: string;
          reason?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/vnd.apache.parquet': string;
          'application/octet-stream': string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              checked: string;
              rows: number;
            };
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              imported: string;
              rows?: number;
              dataset?: {
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              };
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': (components['schemas']['Problem']) & ({
              dataset?: {
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              };
            });
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/employment-datasets/{dataset}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
          dataset: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              name: string;
              sha256: string;
              source_sha256: string | null;
              rows: number;
              uploaded_by: string;
              uploaded_at: string;
              status: 'in_force' | 'superseded' | 'withdrawn';
              superseded_by: string | null;
              ended_by: string | null;
              ended_at: string | null;
              reason: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        409: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': (components['schemas']['Problem']) & ({
              dataset?: {
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              };
            });
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query: {
          format: 'csv' | 'xlsx' | 'parquet';
          name?: string;
          check?: 'true' | 'false';
          columns?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/vnd.apache.parquet': string;
          'application/octet-stream': string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              checked: string;
              rows: number;
            };
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              imported: string;
              rows?: number;
              dataset?: {
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              };
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          kind?: 'participants' | 'events' | 'employment';
          provider?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              imports: ({
                id: string;
                kind: 'participants' | 'events' | 'employment';
                file: string | null;
                rows: number | null;
                sha256: string | null;
                imported_by: string;
                imported_at: string;
                dataset: {
                  id: string;
                  status: 'in_force' | 'superseded' | 'withdrawn';
                } | null;
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/indigo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content?: never;
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/participant-search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          q?: string;
          provider?: string;
          segment?: string;
          eligible?: 'yes' | 'no';
          outcome?: string;
          status?: 'achieved' | 'not_achieved' | 'capped' | 'paid' | 'partially_capped' | 'capped_volume' | 'capped_participant' | 'capped_total' | 'out_of_period';
          after?: string;
          limit?: number;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              run: {
                id: string;
                as_of: string;
                contract_version: number;
              } | null;
              facets: {
                providers: ({
                  id: string;
                  name: string;
                })[];
                segments: (string)[];
                outcomes: (string)[];
                currency: string | null;
              };
              participants: ({
                participant_id: string;
                provider_id: string;
                enrolled_on: string;
                in_run: boolean;
                segment: string | null;
                eligible: boolean | null;
                achievements: ({
                  outcome_id: string;
                  status: string;
                  amount_cents: number;
                })[];
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/participants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          after?: string;
          limit?: number;
          provider?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              participants: ({
                participant_id: string;
                provider_id: string;
                enrolled_on: string;
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query: {
          format: 'csv' | 'xlsx' | 'parquet';
          name?: string;
          check?: 'true' | 'false';
          columns?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'text/csv': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/vnd.apache.parquet': string;
          'application/octet-stream': string;
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              checked: string;
              rows: number;
            };
          };
        };
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              imported: string;
              rows?: number;
              dataset?: {
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              };
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        429: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/participants/{participant}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          run?: string;
        };
        header?: never;
        path: {
          programme: string;
          participant: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              participant_id: string;
              provider_id: string;
              enrolled_on: string;
              birth_date: string | null;
              attributes: {
                [key: string]: string;
              };
              employment_key: 'none' | 'matched' | 'not_theirs';
              events: ({
                id: string;
                type: string;
                occurred_on: string;
                value: string | null;
                source: 'provider' | 'admin' | 'verifier';
                verification: 'unverified' | 'verified' | 'rejected';
              })[];
              employment_months: ({
                month: string;
                earnings: string;
                employers: number;
              })[];
              run: {
                id: string;
                as_of: string;
              } | null;
              achievements: ({
                outcome_id: string;
                achieved_on: string;
                version: string;
                price_cents: number;
                amount_cents: number;
                status: string;
              })[];
              paid: ({
                outcome_id: string;
                amount_cents: number;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          status?: 'queued' | 'running' | 'succeeded' | 'failed';
          from?: string;
          to?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              runs: ({
                id: string;
                as_of: string;
                contract_version: number;
                status: 'queued' | 'running' | 'succeeded' | 'failed';
                paid_cents: number | null;
                created_by: string;
                created_at: string;
                started_at: string | null;
                finished_at: string | null;
                failure_reason: string | null;
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            as_of: string;
          };
        };
      };
      responses: {
        202: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              position: number | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/samples': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              samples: ({
                id: string;
                seed: string;
                population: number;
                size: number;
                decided: number;
                rejected: number;
                created_by: string;
                created_at: string;
              })[];
              next: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/shared-person-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              keys: ({
                person_key: string;
                held: boolean;
                participants: ({
                  participant_id: string;
                  provider_id: string;
                  enrolled_on: string;
                  standing: 'held' | 'theirs' | 'not_theirs';
                })[];
                decision: {
                  id: string;
                  reason: string;
                  decided_by: string;
                  decided_at: string;
                } | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/shared-person-keys/{key}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            belongs_to: (string)[];
            reason: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              person_key: string;
              held: boolean;
              participants: ({
                participant_id: string;
                provider_id: string;
                enrolled_on: string;
                standing: 'held' | 'theirs' | 'not_theirs';
              })[];
              decision: {
                id: string;
                reason: string;
                decided_by: string;
                decided_at: string;
              } | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/verification/error-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              providers: ({
                provider_id: string;
                sampled: number;
                decided: number;
                rejected: number;
                error_rate: number | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/programmes/{programme}/verification/samples': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          programme: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            size: number;
            seed?: string;
          };
        };
      };
      responses: {
        201: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              seed: string;
              events: (string)[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          run: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              programme: string;
              as_of: string;
              contract_version: number;
              status: 'queued' | 'running' | 'succeeded' | 'failed';
              position: number | null;
              progress: {
                step: string;
                done: number;
                total: number | null;
              } | null;
              failure_reason: string | null;
              problems: ({
                code: string;
                message: string;
                file?: string;
                row?: number;
                column?: string;
                line?: number;
                col?: number;
              })[];
              paid: string | null;
              evidence_pack_sha256: string | null;
              created_at: string;
              started_at: string | null;
              finished_at: string | null;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run}/achievements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'xlsx';
          delimiter?: ',' | ';';
          bom?: 'true' | 'false';
        };
        header?: never;
        path: {
          run: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run}/employment-datasets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          run: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              datasets: ({
                id: string;
                name: string;
                sha256: string;
                source_sha256: string | null;
                rows: number;
                uploaded_by: string;
                uploaded_at: string;
                status: 'in_force' | 'superseded' | 'withdrawn';
                superseded_by: string | null;
                ended_by: string | null;
                ended_at: string | null;
                reason: string | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run}/evidence-pack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          run: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/zip': string;
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{run}/participants/{participant}/explanation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          run: string;
          participant: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              run: string;
              participant_id: string;
              provider_id: string;
              as_of: string;
              segment: string | null;
              eligible: boolean;
              ineligible_because: string | null;
              outcomes: ({
                outcome: string;
                kind: 'event' | 'employment_start' | 'employment_sustained' | 'earnings_threshold' | 'assessment_gain';
                achieved: boolean;
                achieved_on: string | null;
                reasons: (string)[];
                reason_codes: (string)[];
                evidence: {
                  events: ({
                    type: string;
                    occurred_on: string;
                    value: string | null;
                    verified: boolean;
                  })[];
                  months: ({
                    month: string;
                    earnings: string;
                  })[];
                };
                payment: {
                  version: string;
                  price_cents: number;
                  amount_cents: number;
                  status: string;
                  cut_by: 'volume' | 'participant' | 'total' | null;
                } | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/samples/{sample}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          sample: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              id: string;
              seed: string;
              events: ({
                event_id: string;
                participant_id: string;
                type: string;
                occurred_on: string;
                decision: string | null;
              })[];
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/samples/{sample}/events/{event}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          sample: string;
          event: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            decision: 'verified' | 'rejected';
            reason?: string;
            evidence_base64?: string;
          };
        };
      };
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: {
            'application/json': {
              event_id: string;
              decision: string;
            };
          };
        };
        400: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        401: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        403: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        404: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        413: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        415: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        422: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        500: {
          headers: { [name: string]: unknown };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      instance: string;
      error: string;
      message: string;
      problems: ({
        code: string;
        message: string;
        file?: string;
        row?: number;
        column?: string;
        line?: number;
        col?: number;
      })[];
      request_id?: string;
    };
  };
}
