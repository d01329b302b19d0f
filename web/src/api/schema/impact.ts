// Generated from services/impact/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/associations/{association_id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                association_id: string;
            };
            cookie?: never;
        };
        /** Les états récapitulatifs de ton association pour l'année : une ligne par entreprise dont des salariés ont donné des journées. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    association_id: string;
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
                        "application/json": components["schemas"]["StatementList"];
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
                /** @description Tu n'es pas référent·e de cette association. */
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
    "/companies/{company_id}/daily-costs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /**
         * Le coût d'un jour par défaut de chaque entité pour l'année (pour les personnes sans rémunération importée
         *     cette année-là), tel que la valorisation de l'année l'utilise.
         */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
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
                        "application/json": components["schemas"]["DailyCosts"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
    "/companies/{company_id}/daily-costs/{entity_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                entity_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Fixer (ou retirer, avec null) le coût d'un jour par défaut d'une entité pour une année : la valorisation des
         *     autres années ne change pas.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    entity_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DailyCostInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DailyCosts"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description Montant invalide ou entité inconnue. */
                422: {
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{company_id}/exports/days.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les jours de l'année en CSV : personne, entité, association, mission, thèmes, date, format, jours, état. */
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
                /** @description Un jour de participation par ligne. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/companies/{company_id}/exports/days.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les jours de l'année en XLSX (mêmes colonnes que le CSV). */
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
                /** @description Un jour de participation par ligne. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
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
    "/companies/{company_id}/exports/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les chiffres de la page Impact en CSV : synthèse, par thème, association, entité et mois, entonnoir, bilans. */
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
                /** @description Les chiffres agrégés, un tableau après l'autre. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/companies/{company_id}/exports/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les chiffres de la page Impact en XLSX, une feuille par tableau. */
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
                /** @description Les chiffres agrégés, une feuille par tableau. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
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
    "/companies/{company_id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les rémunérations importées pour l'année (chaque lecture est inscrite au journal d'audit). */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
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
                        "application/json": components["schemas"]["PayRecords"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
    "/companies/{company_id}/pay-audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Le journal d'audit des données de rémunération (lectures, imports, permissions), du plus récent au plus ancien. */
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
                        "application/json": components["schemas"]["PayAudit"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
    "/companies/{company_id}/pay-permissions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Qui a la permission « données de rémunération » dans l'entreprise. */
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
                        "application/json": components["schemas"]["PayHolders"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
    "/companies/{company_id}/pay-permissions/{person_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                person_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Donner la permission à un administrateur de l'entreprise (l'opérateur, ou un administrateur qui l'a déjà). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    person_id: string;
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
                        "application/json": components["schemas"]["PayHolder"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description La personne n'est pas administratrice de l'entreprise. */
                422: {
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
        post?: never;
        /** Retirer la permission (on peut se la retirer à soi-même). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    person_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/companies/{company_id}/pay/import": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Importer les rémunérations de l'année (CSV : email ; salaire_brut_annuel ; taux_charges_patronales ;
         *     date_entree facultative). Tout ou rien : une seule ligne en erreur et rien n'est importé.
         */
        post: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["PayImportFile"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PayImportResult"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description Le fichier est trop gros. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Le fichier est refusé en entier ; chaque erreur est donnée avec sa ligne. */
                422: {
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
    "/companies/{company_id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les états récapitulatifs et les reçus de ton entreprise pour l'année : une ligne par association aidée. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
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
                        "application/json": components["schemas"]["StatementList"];
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
    "/companies/{company_id}/valuation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /**
         * La valorisation de l'année : par personne, par association, total, réduction estimée avec plafond et reports,
         *     associations pour le formulaire 2069-RCI-SD et bénéficiaires au-delà de 10 000 €.
         */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
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
                        "application/json": components["schemas"]["Valuation"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description Le plafond de la sécurité sociale de l'année n'est pas connu. */
                422: {
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
    "/companies/{company_id}/valuation.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** La valorisation de l'année en PDF (rendue comme les documents de Tandem). */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La valorisation en PDF. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description Le plafond de la sécurité sociale de l'année n'est pas connu. */
                422: {
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
    "/companies/{company_id}/valuation.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** La valorisation de l'année en XLSX. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La valorisation, une feuille par tableau. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description Le plafond de la sécurité sociale de l'année n'est pas connu. */
                422: {
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
    "/companies/{company_id}/valuation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Ce que la valorisation de l'année demande en plus : chiffre d'affaires, excédents antérieurs, exceptions. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
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
                        "application/json": components["schemas"]["ValuationSettings"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
        /** Enregistrer le chiffre d'affaires hors taxes, les excédents antérieurs et les associations en exception. */
        put: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ValuationSettingsInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ValuationSettings"];
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
                /** @description Il te faut la permission « données de rémunération ». */
                403: {
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
                /** @description Données invalides. */
                422: {
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
    "/platform/exports/days.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les jours de l'année de toutes les entreprises en CSV (la dernière colonne dit l'entreprise). */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                    /** @description Une entité de l'entreprise ; toute l'entreprise sinon. */
                    entity_id?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Un jour de participation par ligne, avec son entreprise. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
                /** @description Réservé aux opérateurs de la plateforme. */
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
    "/platform/exports/days.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les jours de l'année de toutes les entreprises en XLSX (la dernière colonne dit l'entreprise). */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                    /** @description Une entité de l'entreprise ; toute l'entreprise sinon. */
                    entity_id?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Un jour de participation par ligne, avec son entreprise. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
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
                /** @description Réservé aux opérateurs de la plateforme. */
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
    "/platform/exports/report.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les chiffres de l'année de toutes les entreprises en CSV, avec la répartition par entreprise. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                    /** @description Une entité de l'entreprise ; toute l'entreprise sinon. */
                    entity_id?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les chiffres agrégés, un tableau après l'autre. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
                /** @description Réservé aux opérateurs de la plateforme. */
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
    "/platform/exports/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les chiffres de l'année de toutes les entreprises en XLSX, une feuille par tableau. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                    /** @description Une entité de l'entreprise ; toute l'entreprise sinon. */
                    entity_id?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les chiffres agrégés, une feuille par tableau. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
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
                /** @description Réservé aux opérateurs de la plateforme. */
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
    "/platform/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les chiffres de l'année pour toutes les entreprises, avec la répartition par entreprise (opérateurs). */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                    /** @description Une entité de l'entreprise ; toute l'entreprise sinon. */
                    entity_id?: string | null;
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
                /** @description Réservé aux opérateurs de la plateforme. */
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
    "/receipts/{company_id}/{association_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                association_id: string;
            };
            cookie?: never;
        };
        /** Les données du reçu (Cerfa n° 16216) préremplies : le bénéficiaire, le donateur, le montant valorisé, la nature du don. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    company_id: string;
                    association_id: string;
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
                        "application/json": components["schemas"]["Receipt"];
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
                /** @description Ni référent·e de l'association, ni administrateur de l'entreprise. */
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
    "/receipts/{company_id}/{association_id}/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                association_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Je confirme les données du reçu, avec son numéro d'ordre ; la fiche PDF est préparée juste après. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    association_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReceiptConfirmRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Receipt"];
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
                /** @description Seul·e un·e référent·e de l'association confirme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Ni référent·e de l'association, ni administrateur de l'entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description État récapitulatif pas encore confirmé, montant changé ou indisponible, déjà confirmé. */
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
    "/statements/{company_id}/{association_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                association_id: string;
            };
            cookie?: never;
        };
        /** L'état récapitulatif des journées : chaque journée réalisée (personne, date, format), le total, où il en est. */
        get: {
            parameters: {
                query: {
                    /** @description L'année civile. */
                    year: number;
                };
                header?: never;
                path: {
                    company_id: string;
                    association_id: string;
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
                        "application/json": components["schemas"]["Statement"];
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
                /** @description Ni référent·e de l'association, ni administrateur de l'entreprise. */
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
    "/statements/{company_id}/{association_id}/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                association_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Je confirme l'état récapitulatif des journées affiché ; son PDF scellé est préparé juste après. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    association_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StatementConfirmRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Statement"];
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
                /** @description Seul·e un·e référent·e de l'association confirme. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Ni référent·e de l'association, ni administrateur de l'entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Liste changée depuis son affichage, déjà confirmée, ou vide. */
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AssociationIdentity: {
            address?: string;
            city?: string;
            general_interest_label?: string;
            id?: string;
            name?: string;
            rna?: string | null;
            siren?: string | null;
        };
        BilanAnswer: {
            answer: string;
            count: number;
            label: string;
        };
        BilanQuestion: {
            answers: components["schemas"]["BilanAnswer"][];
            /** @description La question, telle que le bilan la pose au collaborateur. */
            label: string;
            question: string;
            /** @description Le titre de ses réponses dans le rapport de l'entreprise. */
            title: string;
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
        Carried: {
            amount: number;
            usable_until?: number;
            year: number;
        };
        Company: {
            id: string;
            name: string;
        };
        CompanyIdentity: {
            head_office_address?: string;
            id?: string;
            name?: string;
            siren?: string;
        };
        CompanyList: {
            companies: components["schemas"]["Company"][];
        };
        DailyCost: {
            /** @description Le coût d'un jour que la valorisation de l'année demandée utilise. */
            daily_cost: number | null;
            entity_id: string;
            entity_name: string;
            /** @description L'année pour laquelle ce coût a été fixé : une autre que l'année demandée quand celle-ci n'a pas le sien (le plus récent fixé avant elle, sinon le premier fixé après). */
            set_for_year: number | null;
        };
        DailyCostInput: {
            /** @description Le coût d'un jour, en euros ; null le retire. */
            daily_cost: number | null;
            /** @description L'année civile pour laquelle ce coût vaut ; les autres années gardent le leur. */
            year: number;
        };
        DailyCosts: {
            entities: components["schemas"]["DailyCost"][];
            /** @description Les associations dont les données du reçu confirmées ne correspondent plus depuis ce changement : elles doivent les confirmer de nouveau (Tandem les prévient par e-mail). Seulement dans la réponse à un changement. */
            receipts_to_confirm_again?: string[];
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
        PayAudit: {
            lines: components["schemas"]["PayAuditLine"][];
        };
        PayAuditLine: {
            action: string;
            actor_id: string;
            /** Format: date-time */
            at: string;
            detail: string;
        };
        PayHolder: {
            email: string;
            /** Format: date-time */
            granted_at: string;
            granted_by: string;
            name: string;
            person_id: string;
        };
        PayHolders: {
            holders: components["schemas"]["PayHolder"][];
        };
        PayImportFile: {
            /**
             * Format: binary
             * @description Le fichier CSV : email;salaire_brut_annuel;taux_charges_patronales[;date_entree].
             */
            file: string;
        };
        PayImportResult: {
            /** @description Le nombre de personnes dont la rémunération a été importée. */
            imported: number;
            /** @description Les associations dont les données du reçu confirmées ne correspondent plus depuis ce changement : elles doivent les confirmer de nouveau (Tandem les prévient par e-mail). */
            receipts_to_confirm_again: string[];
            year: number;
        };
        PayRecord: {
            annual_gross_pay: number;
            email: string;
            /** Format: date */
            employed_from: string | null;
            /** @description 0,45 pour 45 %. */
            employer_charge_rate: number;
            entity_name: string | null;
            /** Format: date-time */
            imported_at: string;
            name: string;
            person_id: string;
        };
        PayRecords: {
            records: components["schemas"]["PayRecord"][];
            year: number;
        };
        PriorExcess: {
            amount: number;
            year: number;
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
        Receipt: {
            /** @description Le montant valorisé pour cette association (euros) ; null tant que l'entreprise n'a pas valorisé ces journées. */
            amount?: number | null;
            /** @description Pourquoi le montant n'est pas disponible (à afficher), ou null. */
            amount_missing_reason?: string | null;
            article?: string;
            /** @description Le bénéficiaire. */
            association?: components["schemas"]["AssociationIdentity"];
            /** @description Le donateur. */
            company?: components["schemas"]["CompanyIdentity"];
            /** @description La dernière confirmation (ses montant et journées peuvent différer d'aujourd'hui : `state` le dit), ou null. */
            confirmed?: components["schemas"]["ReceiptConfirmation"] | null;
            /** Format: date */
            first_day?: string | null;
            form?: string;
            /** Format: date */
            last_day?: string | null;
            nature?: string;
            /** @description Les données du reçu : `to_confirm`, `confirmed`, `changed` (confirmées, puis le montant valorisé ou les journées ont changé : à confirmer de nouveau) ou `empty`. */
            state?: string;
            /** @description L'état récapitulatif doit être `confirmed` avant le reçu. */
            statement_state?: string;
            total_days?: number;
            year?: number;
        };
        ReceiptConfirmRequest: {
            /** @description Le montant affiché (`amount`, en euros), pour vérifier qu'il n'a pas changé. */
            amount: number;
            /**
             * @description La case « Je confirme ces données » cochée : `true`.
             * @enum {boolean}
             */
            consent: true;
            /** @description Le numéro d'ordre du reçu, donné par l'association. */
            receipt_number: string;
            year: number;
        };
        ReceiptConfirmation: {
            amount?: number;
            /** Format: date-time */
            confirmed_at?: string;
            confirmed_by_name?: string;
            /** Format: date */
            first_day?: string;
            id?: string;
            /** Format: date */
            last_day?: string;
            pdf_url?: string;
            receipt_number?: string;
            total_days?: number;
            version?: number;
        };
        Reduction: {
            base_at_rate: number;
            base_at_reduced_rate: number;
            carried_left: components["schemas"]["Carried"][];
            carry_forward_used: number;
            ceiling: number;
            excess: number;
            expired: components["schemas"]["Carried"][];
            rate: number;
            reduced_rate: number;
            reduction: number;
            within_ceiling: number;
        };
        Report: {
            associations_helped: number;
            bilan: components["schemas"]["BilanQuestion"][];
            by_association: components["schemas"]["BreakdownRow"][];
            /** @description Par entreprise : une ligne pour une entreprise, toutes pour l'opérateur. */
            by_company: components["schemas"]["BreakdownRow"][];
            by_entity: components["schemas"]["BreakdownRow"][];
            by_month: components["schemas"]["BreakdownRow"][];
            by_theme: components["schemas"]["BreakdownRow"][];
            /** @description null : toutes les entreprises (opérateurs). */
            company_id: string | null;
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
            /** @description Réponses à des quiz dans l'année. */
            quiz_attempts: number;
            /** @description Personnes qui ont répondu à un quiz dans l'année. */
            quiz_participants: number;
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
        Statement: {
            association_id?: string;
            association_name?: string;
            company_id?: string;
            company_name?: string;
            confirmed?: components["schemas"]["StatementConfirmation"] | null;
            people?: number;
            /** @description Par personne, puis par date. */
            rows?: components["schemas"]["StatementRow"][];
            /** @description L'empreinte de la liste affichée, à renvoyer pour la confirmer. */
            rows_sha256?: string;
            /** @description `to_confirm`, `confirmed`, `changed` ou `empty`. */
            state?: string;
            total_days?: number;
            year?: number;
        };
        StatementConfirmRequest: {
            /**
             * @description La case « Je confirme que ces journées ont été réalisées au profit de l'association » cochée : `true`.
             * @enum {boolean}
             */
            consent: true;
            /** @description L'empreinte de la liste affichée (`rows_sha256`). */
            rows_sha256: string;
            year: number;
        };
        StatementConfirmation: {
            /** Format: date-time */
            confirmed_at?: string;
            confirmed_by_name?: string;
            id?: string;
            /** @description Le PDF scellé, rendu par documents dans les instants qui suivent. */
            pdf_url?: string;
            total_days?: number;
            version?: number;
        };
        StatementList: {
            items?: components["schemas"]["StatementSummary"][];
        };
        StatementRow: {
            /** @description AAAA-MM-JJ */
            date?: string;
            /** @description 1 ou 0,5. */
            days?: number;
            /** @description `full_day` (journée) ou `half_day` (1/2 journée) */
            format?: string;
            mission_title?: string;
            person_id?: string;
            person_name?: string;
        };
        StatementSummary: {
            association_id?: string;
            association_name?: string;
            company_id?: string;
            company_name?: string;
            /** @description Personnes qui ont donné au moins une journée réalisée. */
            people?: number;
            /** @description Le PDF des données du reçu confirmées, ou null. */
            receipt_pdf_url?: string | null;
            /** @description Les données du reçu : `to_confirm`, `confirmed`, `changed` (confirmées, puis le montant valorisé ou les journées ont changé : à confirmer de nouveau) ou `empty`. */
            receipt_state?: string;
            /** @description `to_confirm`, `confirmed`, `changed` (confirmé, puis des journées ont changé : à confirmer de nouveau) ou `empty`. */
            state?: string;
            /** @description Le PDF scellé de la dernière version confirmée (documents), ou null. */
            statement_pdf_url?: string | null;
            /** @description Jours réalisés (une demi-journée compte 0,5). */
            total_days?: number;
            year?: number;
        };
        Valuation: {
            associations: components["schemas"]["ValuationAssociation"][];
            beneficiaries_above_threshold: components["schemas"]["ValuationAssociation"][];
            company_id: string;
            company_name: string;
            company_siren: string;
            declaration_threshold: number;
            pass_amount: number;
            pay_cap: number;
            people: components["schemas"]["ValuationPerson"][];
            people_without_value: number;
            reduction: components["schemas"]["Reduction"];
            sources: {
                [key: string]: string;
            };
            total_days: number;
            total_value: number;
            turnover_excl_tax: number | null;
            working_days: number;
            year: number;
        };
        ValuationAssociation: {
            above_declaration_threshold: boolean;
            address: string;
            association_id: string;
            days: number;
            exception: boolean;
            name: string;
            /** @description Les données du reçu que l'association a confirmées pour cette année, ou null. */
            receipt?: components["schemas"]["ValuationReceipt"] | null;
            rna: string | null;
            siren: string | null;
            value: number;
        };
        ValuationPerson: {
            day_value: number;
            days: number;
            entity_name: string | null;
            name: string;
            person_id: string;
            /** @description pay, entity_default ou missing. */
            source: string;
            source_label: string;
            value: number;
        };
        ValuationReceipt: {
            /** @description Le montant que l'association a confirmé (euros). */
            amount: number;
            /** Format: date-time */
            confirmed_at: string;
            receipt_number: string;
            /** @description `confirmed`, ou `changed` : le montant ou les journées ne correspondent plus, l'association doit confirmer de nouveau. */
            state: string;
        };
        ValuationSettings: {
            company_id: string;
            exception_association_ids: string[];
            prior_excess: {
                [key: string]: unknown;
            }[];
            turnover_excl_tax: number | null;
            year: number;
        };
        ValuationSettingsInput: {
            /** @description Les associations qui gardent le taux de 60 % au-delà de 2 millions d'euros (exceptions de la loi). */
            exception_association_ids?: string[];
            /** @description Les excédents des années que Tandem n'a pas valorisées, encore reportables. */
            prior_excess?: components["schemas"]["PriorExcess"][];
            /** @description Le chiffre d'affaires hors taxes de l'exercice, en euros. */
            turnover_excl_tax: number | null;
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
