// Generated from services/approval/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/actions/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        /** Voir la demande d'absence à valider (ne change rien : les scanners de messagerie ouvrent aussi les liens). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    secret: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LinkRequest"];
                    };
                };
                /** @description Lien inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lien déjà utilisé, expiré, remplacé par une relance, ou demande déjà décidée ou annulée. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** « Accepter la demande » ou « Refuser la demande » (avec un motif facultatif), une seule fois. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    secret: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Decided"];
                    };
                };
                /** @description Lien inconnu. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Une date de la demande est passée : elle ne peut plus être acceptée, seulement refusée. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Lien déjà utilisé, expiré, remplacé par une relance, ou demande déjà décidée ou annulée. */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le processus répond. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                default: components["responses"]["DEFAULT_ERROR"];
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
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La base de données et le bus répondent. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description La base de données ou le bus ne répond pas. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
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
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les demandes de ton équipe : celles en attente d'abord, puis les autres, des plus récentes aux plus anciennes. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    /** @description Seulement les demandes dans cet état. */
                    status?: "pending" | "approved" | "refused" | "cancelled" | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RequestList"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
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
    "/requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        /** Une demande de ton équipe. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    request_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ManagerRequest"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Demande inconnue, ou dont tu n'es pas le manager. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
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
    "/requests/{request_id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accepter ou refuser une demande de ton équipe ; le lien envoyé par e-mail cesse alors de fonctionner. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    request_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Decision"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Decided"];
                    };
                };
                /** @description Connexion requise. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Ta propre demande : c'est à ton manager de la valider. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Demande inconnue, ou dont tu n'es pas le manager. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Demande déjà décidée ou annulée, ou acceptée alors qu'une de ses dates est passée. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ta session telle que ce service la voit.
         * @description Ce service vérifie lui-même le jeton : signature, algorithme, audience, émetteur,
         *     expiration, et date à partir de laquelle les jetons de la personne sont valides.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceSession"];
                    };
                };
                /** @description Jeton absent, invalide, expiré ou révoqué (déconnexion, compte désactivé). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Decided: {
            /**
             * Format: date
             * @description Le dernier jour où la demande peut être acceptée : sa première date (ensuite, elle ne peut plus qu'être refusée).
             */
            accept_until?: string;
            /** @description Pourquoi cette demande en attente ne peut plus être acceptée (une de ses dates est passée : elle ne peut plus qu'être refusée), à afficher ; null quand elle peut l'être. */
            acceptance_refused?: string | null;
            association_name?: string;
            /** @description `cancelled` ou `withdrawn` quand le collaborateur a annulé */
            cancellation?: string | null;
            /** Format: date-time */
            cancelled_at?: string | null;
            /** Format: date-time */
            created_at?: string;
            dates?: components["schemas"]["RequestDate"][];
            /** @description Jours demandés (une journée compte 1, une demi-journée 0,5). */
            days?: number;
            /** Format: date-time */
            decided_at?: string | null;
            /** @description Ce qui vient de se passer, à afficher. */
            detail?: string;
            id?: string;
            /** @description `initial` (premières dates) ou `additional` (dates ajoutées) */
            kind?: string;
            /** @description Le message du collaborateur. */
            message?: string;
            mission_title?: string;
            /** @description Les dates groupées par mois, comme dans l'e-mail. */
            months?: components["schemas"]["Month"][];
            /** @description La mission du collaborateur (Les missions de ton équipe). */
            participation_id?: string;
            person_email?: string;
            person_name?: string;
            /** @description Le motif, pour un refus. */
            reason?: string | null;
            /** @description Relances déjà envoyées. */
            reminders?: number;
            /** @description `pending`, `approved`, `refused` ou `cancelled` */
            status?: string;
            /** @description `link` (lien de l'e-mail) ou `team_view` (Les missions de mon équipe) */
            via?: string | null;
            year?: number;
        };
        Decision: {
            /**
             * @description `accept` (« Accepter la demande ») ou `refuse` (« Refuser la demande »).
             * @enum {string}
             */
            decision: "accept" | "refuse";
            /**
             * @description Le motif du refus, facultatif ; ignoré quand la demande est acceptée.
             * @default null
             */
            reason?: string | null;
        };
        LinkRequest: {
            /**
             * Format: date
             * @description Le dernier jour où la demande peut être acceptée : sa première date (ensuite, elle ne peut plus qu'être refusée).
             */
            accept_until?: string;
            /** @description Pourquoi cette demande en attente ne peut plus être acceptée (une de ses dates est passée : elle ne peut plus qu'être refusée), à afficher ; null quand elle peut l'être. */
            acceptance_refused?: string | null;
            association_name?: string;
            /** @description `cancelled` ou `withdrawn` quand le collaborateur a annulé */
            cancellation?: string | null;
            /** Format: date-time */
            cancelled_at?: string | null;
            /** Format: date-time */
            created_at?: string;
            dates?: components["schemas"]["RequestDate"][];
            /** @description Jours demandés (une journée compte 1, une demi-journée 0,5). */
            days?: number;
            /** Format: date-time */
            decided_at?: string | null;
            id?: string;
            /** @description `initial` (premières dates) ou `additional` (dates ajoutées) */
            kind?: string;
            /**
             * Format: date-time
             * @description Jusqu'à quand ce lien permet de décider.
             */
            link_expires_at?: string;
            /** @description Le message du collaborateur. */
            message?: string;
            mission_title?: string;
            /** @description Les dates groupées par mois, comme dans l'e-mail. */
            months?: components["schemas"]["Month"][];
            /** @description La mission du collaborateur (Les missions de ton équipe). */
            participation_id?: string;
            person_email?: string;
            person_name?: string;
            /** @description Le motif, pour un refus. */
            reason?: string | null;
            /** @description Relances déjà envoyées. */
            reminders?: number;
            /** @description `pending`, `approved`, `refused` ou `cancelled` */
            status?: string;
            /** @description `link` (lien de l'e-mail) ou `team_view` (Les missions de mon équipe) */
            via?: string | null;
            year?: number;
        };
        ManagerRequest: {
            /**
             * Format: date
             * @description Le dernier jour où la demande peut être acceptée : sa première date (ensuite, elle ne peut plus qu'être refusée).
             */
            accept_until?: string;
            /** @description Pourquoi cette demande en attente ne peut plus être acceptée (une de ses dates est passée : elle ne peut plus qu'être refusée), à afficher ; null quand elle peut l'être. */
            acceptance_refused?: string | null;
            association_name?: string;
            /** @description `cancelled` ou `withdrawn` quand le collaborateur a annulé */
            cancellation?: string | null;
            /** Format: date-time */
            cancelled_at?: string | null;
            /** Format: date-time */
            created_at?: string;
            dates?: components["schemas"]["RequestDate"][];
            /** @description Jours demandés (une journée compte 1, une demi-journée 0,5). */
            days?: number;
            /** Format: date-time */
            decided_at?: string | null;
            id?: string;
            /** @description `initial` (premières dates) ou `additional` (dates ajoutées) */
            kind?: string;
            /** @description Le message du collaborateur. */
            message?: string;
            mission_title?: string;
            /** @description Les dates groupées par mois, comme dans l'e-mail. */
            months?: components["schemas"]["Month"][];
            /** @description La mission du collaborateur (Les missions de ton équipe). */
            participation_id?: string;
            person_email?: string;
            person_name?: string;
            /** @description Le motif, pour un refus. */
            reason?: string | null;
            /** @description Relances déjà envoyées. */
            reminders?: number;
            /** @description `pending`, `approved`, `refused` ou `cancelled` */
            status?: string;
            /** @description `link` (lien de l'e-mail) ou `team_view` (Les missions de mon équipe) */
            via?: string | null;
            year?: number;
        };
        Month: {
            /** @description « Lundi 25 (journée) » */
            days?: string[];
            /** @description « Janvier 2027 » */
            month?: string;
        };
        PaginationMetadata: {
            /** @description First available page number. */
            first_page?: number;
            /** @description Last available page number. */
            last_page?: number;
            /** @description Next page number. */
            next_page?: number;
            /** @description Current page number. */
            page?: number;
            /** @description Previous page number. */
            previous_page?: number;
            /** @description Total number of items. */
            total?: number;
            /** @description Total number of pages. */
            total_pages?: number;
        };
        Problem: {
            /** @description Ce qui s'est passé, en français, à montrer tel quel. */
            detail: string;
            /** @description Les messages par champ, quand des données sont invalides. */
            errors?: unknown;
            status: number;
            /** @description L'intitulé du statut, en français. */
            title: string;
            /** @description Toujours `about:blank`. */
            type: string;
        } & {
            [key: string]: unknown;
        };
        RequestDate: {
            /** @description AAAA-MM-JJ */
            date?: string;
            /** @description `full_day` (journée) ou `half_day` (1/2 journée) */
            format?: string;
            /** @description « Lundi 25 janvier 2027 — journée » */
            label?: string;
        };
        RequestList: {
            items?: components["schemas"]["ManagerRequest"][];
            /** @description Demandes en attente : « Valide les dates de ton équipe ». */
            pending?: number;
            total?: number;
        };
        ServiceSession: {
            /** @description Ses rôles, triés. */
            roles: string[];
            /** @description Le service qui a vérifié le jeton. */
            service: string;
            /** @description La personne identifiée par le jeton (`sub`). */
            subject: string;
        };
    };
    responses: {
        /** @description Erreur (document problem+json) */
        DEFAULT_ERROR: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unprocessable Entity */
        UNPROCESSABLE_ENTITY: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
