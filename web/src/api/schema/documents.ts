// Generated from services/documents/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/bilans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le bilan d'une participation (`participation`), ou tes propres bilans. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    /** @description Le bilan de cette participation (si tu as le droit de le lire). Sans ce paramètre : tes propres bilans. */
                    participation?: string | null;
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
                        "application/json": components["schemas"]["BilanList"];
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
    "/bilans/{participation_id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        /** Le bilan de fin de mission d'une participation, en PDF. */
        get: {
            parameters: {
                query?: {
                    /** @description `1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    participation_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Le bilan de fin de mission en PDF. */
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
                /** @description Bilan inconnu ou pas encore prêt, ou que tu n'as pas le droit de lire. */
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
    "/bilans/{participation_id}/attestation.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        /**
         * Ton attestation de mission de mécénat de compétences (l'association, la mission, les journées réalisées),
         *     établie avec ton bilan. Seuls toi et les administrateurs de ton entreprise peuvent la lire.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    participation_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description L'attestation de mission de mécénat de compétences en PDF. */
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
                /** @description Attestation inconnue ou pas encore prête, ou que tu n'as pas le droit de lire. */
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
    "/companies/{company_id}/bundles/{year}.zip": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                year: number;
            };
            cookie?: never;
        };
        /**
         * Le dossier annuel de l'entreprise en un fichier : pour chaque association, le dernier état récapitulatif des
         *     journées et les dernières données du reçu confirmés, en PDF scellés (administrateurs de l'entreprise).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les états récapitulatifs et les données de reçu de l'année, scellés, dans un ZIP. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
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
                /** @description Aucun document confirmé cette année-là, ou une entreprise qui n'est pas la tienne. */
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
    "/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le texte d'accord affiché à côté de la case à cocher, et sa version (à renvoyer avec la signature). */
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
                        "application/json": components["schemas"]["Consent"];
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
    "/conventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les conventions d'une participation (`participation`), ou tes propres conventions, des plus récentes aux plus anciennes. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    /** @description Les conventions de cette participation (celles que tu as le droit de lire). Sans ce paramètre : tes propres conventions. */
                    participation?: string | null;
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
                        "application/json": components["schemas"]["ConventionList"];
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
    "/conventions/{convention_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                convention_id: string;
            };
            cookie?: never;
        };
        /** Une convention et toutes ses versions. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    convention_id: string;
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
                        "application/json": components["schemas"]["Convention"];
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
                /** @description Convention inconnue, ou que tu n'as pas le droit de lire. */
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
    "/conventions/{convention_id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                convention_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Je signe ma convention : la version affichée, avec la case d'accord cochée.
         * @description La preuve (date et heure, adresse IP, navigateur, version du texte d'accord, empreinte SHA-256 du PDF signé)
         *     est conservée ; la copie signée, avec son certificat de signature, est préparée juste après.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    convention_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignatureRequest"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Signature"];
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
                /** @description Seule la personne qui part en mission signe sa convention. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Convention ou version inconnue, ou que tu n'as pas le droit de lire. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Version remplacée par une plus récente, déjà signée, ou plus rien à signer. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Case non cochée, texte d'accord changé, ou PDF affiché différent de la version. */
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
    "/conventions/{convention_id}/versions/{number}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                convention_id: string;
                number: number;
            };
            cookie?: never;
        };
        /** Le PDF d'une version de la convention ; les anciennes versions restent téléchargeables. */
        get: {
            parameters: {
                query?: {
                    /** @description `1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    convention_id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Le PDF de la version, tel qu'il a été rendu (et signé, le cas échéant). */
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
                /** @description Convention ou version inconnue, ou que tu n'as pas le droit de lire. */
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
    "/conventions/{convention_id}/versions/{number}/signed.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                convention_id: string;
                number: number;
            };
            cookie?: never;
        };
        /** La copie signée d'une version (avec le certificat de signature et le sceau). */
        get: {
            parameters: {
                query?: {
                    /** @description `1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    convention_id: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La copie signée : les pages de la version, le certificat de signature, le sceau. */
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
                /** @description Version inconnue, pas encore signée, copie signée en préparation, ou convention que tu n'as pas le droit de lire. */
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
    "/receipts/{receipt_id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                receipt_id: string;
            };
            cookie?: never;
        };
        /**
         * Les données du reçu fiscal (Cerfa n° 16216) confirmées par l'association, en PDF : pour ses référents et les
         *     administrateurs de l'entreprise.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    receipt_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les données du reçu (Cerfa n° 16216) confirmées, scellées. */
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
                /** @description Inconnues ou pas encore prêtes, ou que tu n'as pas le droit de lire. */
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
    "/statements/{statement_id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                statement_id: string;
            };
            cookie?: never;
        };
        /**
         * L'état récapitulatif des journées confirmé par l'association, en PDF scellé : pour ses référents et les
         *     administrateurs de l'entreprise.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `1` pour télécharger le fichier (pièce jointe) ; sinon il s'affiche dans le navigateur. */
                    download?: boolean;
                };
                header?: never;
                path: {
                    statement_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description L'état récapitulatif des journées confirmé, scellé. */
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
                /** @description Inconnu ou pas encore prêt, ou que tu n'as pas le droit de lire. */
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Bilan: {
            association_name?: string;
            /** @description Ton attestation de mission de mécénat de compétences (PDF), pour toi et les administrateurs de ton entreprise ; null pour les autres lecteurs du bilan, ou si elle n'existe pas. */
            certificate_url?: string | null;
            /** Format: date-time */
            completed_at?: string;
            days_present?: number;
            mission_title?: string;
            participation_id?: string;
            pdf_url?: string;
            person_id?: string;
            person_name?: string;
            /** Format: date-time */
            rendered_at?: string;
            sha256?: string;
            year?: number;
        };
        BilanList: {
            items?: components["schemas"]["Bilan"][];
            total?: number;
        };
        Consent: {
            /** @description Le texte d'accord affiché à côté de la case à cocher. */
            text?: string;
            /** @description La version du texte d'accord, à renvoyer avec la signature. */
            version?: string;
        };
        Convention: {
            association_name?: string;
            current_version?: number;
            id?: string;
            mission_id?: string;
            mission_title?: string;
            participation_id?: string;
            person_id?: string;
            person_name?: string;
            /** @description La dernière version signée, ou null. */
            signed_version?: number | null;
            /** @description `to_sign` (la version en vigueur attend ta signature), `signed`, ou `withdrawn` (toutes les dates ont été retirées : plus rien à signer). */
            state?: string;
            /** @description De la plus ancienne à la plus récente. */
            versions?: components["schemas"]["Version"][];
            /** @description L'année civile couverte (1 convention = 1 année civile). */
            year?: number;
        };
        ConventionList: {
            items?: components["schemas"]["Convention"][];
            total?: number;
        };
        Date: {
            /** @description AAAA-MM-JJ */
            date?: string;
            /** @description `full_day` (journée) ou `half_day` (1/2 journée) */
            format?: string;
            /** @description « Lundi 25 janvier 2027 — journée » */
            label?: string;
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
        ServiceSession: {
            /** @description Ses rôles, triés. */
            roles: string[];
            /** @description Le service qui a vérifié le jeton. */
            service: string;
            /** @description La personne identifiée par le jeton (`sub`). */
            subject: string;
        };
        Signature: {
            consent_text?: string;
            consent_version?: string;
            convention_id?: string;
            /** @description Ce qui vient de se passer, à afficher. */
            detail?: string;
            /** @description L'adresse IP d'où la signature a été envoyée. */
            ip_address?: string;
            /** @description L'empreinte SHA-256 du PDF signé (celui de la version). */
            pdf_sha256?: string;
            /** Format: date-time */
            signed_at?: string;
            signer_email?: string;
            signer_id?: string;
            signer_name?: string;
            /** @description Le navigateur utilisé. */
            user_agent?: string;
            version?: number;
        };
        SignatureRequest: {
            /** @description La case « J'ai lu la convention… » cochée : `true`. */
            consent: boolean;
            /** @description La version du texte d'accord affiché (`GET /consent`). */
            consent_version: string;
            /** @description L'empreinte SHA-256 (hexadécimal) du PDF affiché : celle de la version. */
            pdf_sha256: string;
            /** @description La version affichée et signée. */
            version: number;
        };
        Version: {
            /** @description La version en vigueur, celle à signer. */
            current?: boolean;
            /** @description Toutes les dates validées que couvre cette version. */
            dates?: components["schemas"]["Date"][];
            /** @description Le numéro de la version (1, 2…). */
            number?: number;
            /** @description Le PDF de cette version. */
            pdf_url?: string;
            /** Format: date-time */
            rendered_at?: string;
            /** @description L'empreinte SHA-256 du PDF de cette version, à renvoyer pour la signer. */
            sha256?: string;
            /** @description Tu as signé cette version. */
            signed?: boolean;
            /** Format: date-time */
            signed_at?: string | null;
            /** @description La copie signée (avec le certificat de signature et le sceau), dès qu'elle est prête ; null avant. */
            signed_pdf_url?: string | null;
            /** @description Jours de mission (une journée compte 1, une demi-journée 0,5). */
            total_days?: number;
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
