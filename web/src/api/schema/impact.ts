// Generated from services/impact/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les entreprises dont tu peux voir l'impact : toutes pour l'opérateur, la tienne pour un administrateur. */
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
                        "application/json": components["schemas"]["CompanyList"];
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
    "/companies/{company_id}/pay-access": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** As-tu la permission « données de rémunération » de cette entreprise (et peux-tu la donner) ? */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
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
                        "application/json": components["schemas"]["PayAccess"];
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
                /** @description Pas ton entreprise (ou tu n'en es pas administrateur). */
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
    "/companies/{company_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /**
         * Les chiffres de l'année (et de l'entité choisie) : personnes engagées, jours demandés, validés et réalisés,
         *     missions et associations aidées, jours par thème, association, entité et mois, l'entonnoir et les bilans.
         */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                    /** @description Une entité de l'entreprise ; toute l'entreprise sinon. */
                    entity_id?: string | null;
                };
                header?: never;
                path: {
                    company_id: string;
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
                        "application/json": components["schemas"]["Report"];
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
                /** @description Pas ton entreprise (ou tu n'en es pas administrateur). */
                404: {
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
        BilanAnswer: {
            answer: string;
            count: number;
            label: string;
        };
        BilanQuestion: {
            answers: components["schemas"]["BilanAnswer"][];
            label: string;
            question: string;
        };
        BreakdownRow: {
            /** @description Jours validés par le manager. */
            approved: number;
            /** @description Jours demandés (une demi-journée compte 0,5). */
            asked: number;
            /** @description Jours réalisés : présence attestée par l'association. */
            done: number;
            key: string;
            label: string;
        };
        Company: {
            id: string;
            name: string;
        };
        CompanyList: {
            companies: components["schemas"]["Company"][];
        };
        Days: {
            /** @description Jours validés par le manager. */
            approved: number;
            /** @description Jours demandés (une demi-journée compte 0,5). */
            asked: number;
            /** @description Jours réalisés : présence attestée par l'association. */
            done: number;
        };
        Entity: {
            id: string;
            name: string;
        };
        FunnelStep: {
            count: number;
            label: string;
            step: string;
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
        PayAccess: {
            /** @description Tu peux donner ou retirer cette permission. */
            can_grant: boolean;
            company_id: string;
            /** @description Tu as la permission « données de rémunération ». */
            granted: boolean;
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
        Report: {
            associations_helped: number;
            bilan: components["schemas"]["BilanQuestion"][];
            by_association: components["schemas"]["BreakdownRow"][];
            by_entity: components["schemas"]["BreakdownRow"][];
            by_month: components["schemas"]["BreakdownRow"][];
            by_theme: components["schemas"]["BreakdownRow"][];
            company_id: string;
            company_name: string;
            days: components["schemas"]["Days"];
            end_of_career_days: components["schemas"]["Days"];
            /** @description people_engaged / headcount, entre 0 et 1. */
            engaged_share: number;
            entities: components["schemas"]["Entity"][];
            entity_id: string | null;
            funnel: components["schemas"]["FunnelStep"][];
            /** @description Collaborateurs actifs (de l'entité choisie). */
            headcount: number;
            missions_helped: number;
            people_engaged: number;
            year: number;
            years: number[];
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
