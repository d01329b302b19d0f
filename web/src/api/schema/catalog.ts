// Generated from services/catalog/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/associations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * L'annuaire des associations validées, filtrable par thématique, région et mots-clés (ouvert sans connexion,
         *     sans l'adresse de contact).
         */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    /** @description Mots-clés */
                    q?: string | null;
                    /** @description Thématiques (plusieurs possibles) */
                    theme?: string[];
                    region?: string[];
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
                        "application/json": components["schemas"]["AssociationList"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Enregistrer une association (opérateurs de la plateforme) ; elle attend ensuite sa validation. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssociationWrite"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Association"];
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
    "/associations/names": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Le nom de chaque association validée, par identifiant : les filtres de « Je trouve » comptent les missions
         *     par association (ouvert sans connexion).
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
                        "application/json": components["schemas"]["AssociationNames"];
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
    "/associations/{association_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                association_id: string;
            };
            cookie?: never;
        };
        /** La page d'une association (« Découvre l'association »), ouverte sans connexion (sans l'adresse de contact). */
        get: {
            parameters: {
                query?: never;
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
                        "application/json": components["schemas"]["Association"];
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
        /** Modifier une association (ses référents ou l'équipe Tandem). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    association_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssociationUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Association"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/associations/{association_id}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                association_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Changer le logo de l'association (JPEG, PNG ou WebP, 2 Mo au plus) : il est redimensionné (512 px au plus),
         *     débarrassé de ses métadonnées (EXIF, position GPS) et réenregistré en WebP.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    association_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["ImageUpload"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Association"];
                    };
                };
                /** @description L'image pèse plus de 2 Mo. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Le fichier n'est pas une image JPEG, PNG ou WebP (un SVG est refusé). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Image illisible, trop petite ou aux dimensions démesurées. */
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
        /** Retirer le logo de l'association. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    association_id: string;
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
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/associations/{association_id}/vetting": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                association_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Valider (ou refuser) une association : seule une association validée publie des missions. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    association_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Vetting"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Association"];
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
    "/images/{image_id}.webp": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                image_id: string;
            };
            cookie?: never;
        };
        /**
         * Une image (logo ou photo), ouverte sans connexion : son adresse est l'empreinte SHA-256 de son contenu,
         *     donc elle ne change jamais et se garde un an en cache.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    image_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description L'image (image/webp). */
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
    "/missions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Chercher parmi les missions publiées ouvertes à ton entreprise : filtres, mots-clés, compteurs par valeur,
         *     et avec `spotlight` celles liées à une cause de l'actu solidaire.
         *     Sans connexion : les missions ouvertes à toutes les entreprises, sans les coordonnées du contact.
         */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    /** @description Mots-clés */
                    q?: string | null;
                    association?: string[];
                    theme?: string[];
                    professional_expertise?: string[];
                    personal_expertise?: string[];
                    region?: string[];
                    /** @description Seulement les missions liées à cette cause de l'actu solidaire */
                    spotlight?: string | null;
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
                        "application/json": components["schemas"]["MissionSearch"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Créer une mission pour ton association (en brouillon, ou publiée tout de suite avec `publish`). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MissionWrite"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mission"];
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
    "/missions/for-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** « Ces missions sont pour toi » : les plus proches de tes préférences, puis les plus récentes. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
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
                        "application/json": components["schemas"]["MissionCardList"];
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
    "/missions/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les missions de mes associations, brouillons et missions clôturées compris (référents). */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
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
                        "application/json": components["schemas"]["MissionList"];
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
    "/missions/{mission_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mission_id: string;
            };
            cookie?: never;
        };
        /**
         * La fiche mission, avec la présentation de l'association. Sans connexion : seulement une mission ouverte à
         *     toutes les entreprises (404 pour une mission réservée), sans les coordonnées du contact.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mission_id: string;
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
                        "application/json": components["schemas"]["Mission"];
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
        /** Modifier une mission de ton association ; une mission publiée annonce la mise à jour. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mission_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MissionUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mission"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/missions/{mission_id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mission_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clôturer une mission : elle disparaît de la recherche ; les participations en cours continuent. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mission_id: string;
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
                        "application/json": components["schemas"]["Mission"];
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
    "/missions/{mission_id}/cover": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mission_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Changer la photo de la mission (JPEG, PNG ou WebP, 2 Mo au plus, 480 × 270 pixels au moins) : recadrée
         *     en 16:9, débarrassée de ses métadonnées (EXIF, position GPS) et réenregistrée en WebP.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mission_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["ImageUpload"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mission"];
                    };
                };
                /** @description L'image pèse plus de 2 Mo. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Le fichier n'est pas une image JPEG, PNG ou WebP (un SVG est refusé). */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Image illisible, trop petite ou aux dimensions démesurées. */
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
        /** Retirer la photo : la mission montre alors l'illustration de sa thématique. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mission_id: string;
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
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/missions/{mission_id}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mission_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publier une mission en brouillon. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mission_id: string;
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
                        "application/json": components["schemas"]["Mission"];
                    };
                };
                /** @description Mission déjà publiée ou clôturée, ou association pas encore validée. */
                409: {
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
    "/spotlights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * L'actu solidaire, mois par mois, avec les missions liées à chaque cause. Sans connexion : les causes de
         *     toute la plateforme, comptées sur les missions ouvertes à toutes les entreprises.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Premier jour (par défaut le 1er du mois en cours) */
                    start?: string | null;
                    months?: number;
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
                        "application/json": components["schemas"]["SpotlightList"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Ajouter une cause à l'actu solidaire (responsables de l'engagement et équipe Tandem). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SpotlightWrite"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Spotlight"];
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
    "/spotlights/{spotlight_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                spotlight_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retirer une cause de l'actu solidaire. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    spotlight_id: string;
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
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        /** Modifier une cause de l'actu solidaire. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    spotlight_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SpotlightUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Spotlight"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/taxonomy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Thématiques, expertises, formats, régions et départements, catégories d'intérêt général. */
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
                        "application/json": components["schemas"]["Taxonomy"];
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
        Association: {
            address?: string;
            city?: string;
            /** @description null pour un visiteur non connecté. */
            contact_email?: string | null;
            department?: string;
            description?: string;
            general_interest_category?: string;
            readonly general_interest_label?: unknown;
            id?: string;
            /** @description Adresse de l'image (WebP, adresse immuable), null sans image. */
            readonly logo_url?: unknown;
            name?: string;
            region?: string;
            representative_name?: string;
            representative_title?: string;
            rna?: string | null;
            siren?: string | null;
            themes?: string[];
            vetting_status?: string;
            website?: string | null;
        };
        AssociationCard: {
            id?: string;
            /** @description Adresse de l'image (WebP, adresse immuable), null sans image. */
            readonly logo_url?: unknown;
            name?: string;
        };
        AssociationList: {
            facets?: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            items?: components["schemas"]["Association"][];
            total?: number;
        };
        AssociationNames: {
            /** @description Le nom de chaque association validée, par identifiant */
            names?: {
                [key: string]: string;
            };
        };
        AssociationSummary: {
            city?: string;
            description?: string;
            id?: string;
            /** @description Adresse de l'image (WebP, adresse immuable), null sans image. */
            readonly logo_url?: unknown;
            name?: string;
            themes?: string[];
            website?: string | null;
        };
        AssociationUpdate: {
            address?: string;
            city?: string;
            /** Format: email */
            contact_email?: string;
            /** @enum {string} */
            department?: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "2A" | "2B" | "21" | "22" | "23" | "24" | "25" | "26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47" | "48" | "49" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "60" | "61" | "62" | "63" | "64" | "65" | "66" | "67" | "68" | "69" | "70" | "71" | "72" | "73" | "74" | "75" | "76" | "77" | "78" | "79" | "80" | "81" | "82" | "83" | "84" | "85" | "86" | "87" | "88" | "89" | "90" | "91" | "92" | "93" | "94" | "95" | "971" | "972" | "973" | "974" | "976";
            /**
             * @description Découvre l'association
             * @default
             */
            description?: string;
            /**
             * @description Catégorie d'intérêt général (article 238 bis du CGI)
             * @enum {string}
             */
            general_interest_category?: "philanthropique" | "educatif" | "scientifique" | "social" | "humanitaire" | "sportif" | "familial" | "culturel" | "patrimoine_artistique" | "environnement_naturel" | "culture_francaise" | "utilite_publique" | "enseignement_superieur" | "spectacle_vivant" | "fonds_de_dotation";
            name?: string;
            representative_name?: string;
            representative_title?: string;
            /** @default null */
            rna?: string | null;
            /** @default null */
            siren?: string | null;
            themes?: ("arts / culture" | "éducation / formation" | "enfance / famille" | "environnement" | "santé / handicap" | "emploi / insertion" | "droit / égalité" | "humanitaire international" | "sciences / recherche" | "senior / isolement" | "social / précarité" | "sports / loisirs")[];
            /**
             * Format: url
             * @default null
             */
            website?: string | null;
        };
        AssociationWrite: {
            address: string;
            city: string;
            /** Format: email */
            contact_email: string;
            /** @enum {string} */
            department: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "2A" | "2B" | "21" | "22" | "23" | "24" | "25" | "26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47" | "48" | "49" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "60" | "61" | "62" | "63" | "64" | "65" | "66" | "67" | "68" | "69" | "70" | "71" | "72" | "73" | "74" | "75" | "76" | "77" | "78" | "79" | "80" | "81" | "82" | "83" | "84" | "85" | "86" | "87" | "88" | "89" | "90" | "91" | "92" | "93" | "94" | "95" | "971" | "972" | "973" | "974" | "976";
            /**
             * @description Découvre l'association
             * @default
             */
            description?: string;
            /**
             * @description Catégorie d'intérêt général (article 238 bis du CGI)
             * @enum {string}
             */
            general_interest_category: "philanthropique" | "educatif" | "scientifique" | "social" | "humanitaire" | "sportif" | "familial" | "culturel" | "patrimoine_artistique" | "environnement_naturel" | "culture_francaise" | "utilite_publique" | "enseignement_superieur" | "spectacle_vivant" | "fonds_de_dotation";
            name: string;
            representative_name: string;
            representative_title: string;
            /** @default null */
            rna?: string | null;
            /** @default null */
            siren?: string | null;
            themes?: ("arts / culture" | "éducation / formation" | "enfance / famille" | "environnement" | "santé / handicap" | "emploi / insertion" | "droit / égalité" | "humanitaire international" | "sciences / recherche" | "senior / isolement" | "social / précarité" | "sports / loisirs")[];
            /**
             * Format: url
             * @default null
             */
            website?: string | null;
        };
        ImageUpload: {
            /**
             * Format: binary
             * @description L'image : JPEG, PNG ou WebP, 2 Mo au plus (SVG refusé).
             */
            file: string;
        };
        LinkedSpotlight: {
            id?: string;
            title?: string;
        };
        Mission: {
            address?: string;
            all_jobs?: boolean;
            association?: components["schemas"]["AssociationSummary"];
            association_id?: string;
            readonly association_name?: unknown;
            city?: string;
            /** Format: date-time */
            closed_at?: string | null;
            company_ids?: string[];
            contact_email?: string | null;
            contact_name?: string | null;
            contact_phone?: string | null;
            /** @description La même photo en petit (640 × 360 au plus), pour les cartes. */
            readonly cover_thumbnail_url?: unknown;
            /** @description La photo (1600 × 900 au plus), null sans photo : montrer l'illustration de la thématique. */
            readonly cover_url?: unknown;
            /** Format: date-time */
            created_at?: string;
            department?: string;
            description?: string;
            duration?: string;
            format?: string;
            readonly format_label?: unknown;
            id?: string;
            /** @description false : réservée à ton entreprise (et à d'autres choisies). */
            open_to_all_companies?: boolean;
            personal_expertises?: string[];
            places?: number;
            professional_expertises?: string[];
            /** Format: date-time */
            published_at?: string | null;
            region?: string;
            remote_possible?: boolean;
            status?: string;
            themes?: string[];
            title?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        MissionCard: {
            association?: components["schemas"]["AssociationCard"];
            association_id?: string;
            readonly association_name?: unknown;
            city?: string;
            /** @description La même photo en petit (640 × 360 au plus), pour les cartes. */
            readonly cover_thumbnail_url?: unknown;
            /** @description La photo (1600 × 900 au plus), null sans photo : montrer l'illustration de la thématique. */
            readonly cover_url?: unknown;
            department?: string;
            duration?: string;
            format?: string;
            readonly format_label?: unknown;
            id?: string;
            /** @description false : réservée à ton entreprise (et à d'autres choisies). */
            open_to_all_companies?: boolean;
            personal_expertises?: string[];
            places?: number;
            professional_expertises?: string[];
            /** Format: date-time */
            published_at?: string | null;
            region?: string;
            remote_possible?: boolean;
            themes?: string[];
            title?: string;
        };
        MissionCardList: {
            /** @description Pour chaque filtre, le nombre de missions par valeur, les autres filtres appliqués. */
            facets?: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            items?: components["schemas"]["MissionCard"][];
            total?: number;
        };
        MissionList: {
            /** @description Pour chaque filtre, le nombre de missions par valeur, les autres filtres appliqués. */
            facets?: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            items?: components["schemas"]["Mission"][];
            total?: number;
        };
        MissionSearch: {
            /** @description Pour chaque filtre, le nombre de missions par valeur, les autres filtres appliqués. */
            facets?: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            items?: components["schemas"]["MissionCard"][];
            /** @description La cause de l'actu solidaire demandée (`spotlight`), sinon null */
            spotlight?: components["schemas"]["LinkedSpotlight"] | null;
            total?: number;
        };
        MissionUpdate: {
            /** @default  */
            address?: string;
            /**
             * @description Tous types de métiers !
             * @default false
             */
            all_jobs?: boolean;
            city?: string;
            /** @description Les entreprises choisies quand la mission n'est pas ouverte à toutes */
            company_ids?: string[];
            /** Format: email */
            contact_email?: string;
            contact_name?: string;
            /** @default null */
            contact_phone?: string | null;
            /** @enum {string} */
            department?: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "2A" | "2B" | "21" | "22" | "23" | "24" | "25" | "26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47" | "48" | "49" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "60" | "61" | "62" | "63" | "64" | "65" | "66" | "67" | "68" | "69" | "70" | "71" | "72" | "73" | "74" | "75" | "76" | "77" | "78" | "79" | "80" | "81" | "82" | "83" | "84" | "85" | "86" | "87" | "88" | "89" | "90" | "91" | "92" | "93" | "94" | "95" | "971" | "972" | "973" | "974" | "976";
            /**
             * @description Ta mission si tu l'acceptes
             * @default
             */
            description?: string;
            /** @default  */
            duration?: string;
            /**
             * @description full_day (100% journée), half_day (1/2 journée), undefined (Durée à définir)
             * @default undefined
             * @enum {string}
             */
            format?: "full_day" | "half_day" | "undefined";
            /** @default true */
            open_to_all_companies?: boolean;
            personal_expertises?: ("Aide aux CV / Entretien RH" | "Atelier cuisine" | "Activité manuelle / culturelle" | "Activités autres" | "Initiation informatique" | "Jardinage" | "Mentorat" | "Soutien scolaire" | "Atelier santé" | "Accompagnement bénéficiaires" | "Tri / Distribution alimentaire")[];
            /** @default 1 */
            places?: number;
            professional_expertises?: ("Administratif / Bureautique" | "Audit / Conseil / MOA" | "Développement / Commercial" | "Divers IT (Data, TMA,...)" | "Informatique / Web" | "Intégration / Développement" | "Marketing / Communication")[];
            /** @default false */
            remote_possible?: boolean;
            themes?: ("arts / culture" | "éducation / formation" | "enfance / famille" | "environnement" | "santé / handicap" | "emploi / insertion" | "droit / égalité" | "humanitaire international" | "sciences / recherche" | "senior / isolement" | "social / précarité" | "sports / loisirs")[];
            title?: string;
        };
        MissionWrite: {
            /** @default  */
            address?: string;
            /**
             * @description Tous types de métiers !
             * @default false
             */
            all_jobs?: boolean;
            association_id: string;
            city: string;
            /** @description Les entreprises choisies quand la mission n'est pas ouverte à toutes */
            company_ids?: string[];
            /** Format: email */
            contact_email: string;
            contact_name: string;
            /** @default null */
            contact_phone?: string | null;
            /** @enum {string} */
            department: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "2A" | "2B" | "21" | "22" | "23" | "24" | "25" | "26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47" | "48" | "49" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "60" | "61" | "62" | "63" | "64" | "65" | "66" | "67" | "68" | "69" | "70" | "71" | "72" | "73" | "74" | "75" | "76" | "77" | "78" | "79" | "80" | "81" | "82" | "83" | "84" | "85" | "86" | "87" | "88" | "89" | "90" | "91" | "92" | "93" | "94" | "95" | "971" | "972" | "973" | "974" | "976";
            /**
             * @description Ta mission si tu l'acceptes
             * @default
             */
            description?: string;
            /** @default  */
            duration?: string;
            /**
             * @description full_day (100% journée), half_day (1/2 journée), undefined (Durée à définir)
             * @default undefined
             * @enum {string}
             */
            format?: "full_day" | "half_day" | "undefined";
            /** @default true */
            open_to_all_companies?: boolean;
            personal_expertises?: ("Aide aux CV / Entretien RH" | "Atelier cuisine" | "Activité manuelle / culturelle" | "Activités autres" | "Initiation informatique" | "Jardinage" | "Mentorat" | "Soutien scolaire" | "Atelier santé" | "Accompagnement bénéficiaires" | "Tri / Distribution alimentaire")[];
            /** @default 1 */
            places?: number;
            professional_expertises?: ("Administratif / Bureautique" | "Audit / Conseil / MOA" | "Développement / Commercial" | "Divers IT (Data, TMA,...)" | "Informatique / Web" | "Intégration / Développement" | "Marketing / Communication")[];
            /**
             * @description Publier tout de suite (sinon brouillon).
             * @default false
             */
            publish?: boolean;
            /** @default false */
            remote_possible?: boolean;
            themes?: ("arts / culture" | "éducation / formation" | "enfance / famille" | "environnement" | "santé / handicap" | "emploi / insertion" | "droit / égalité" | "humanitaire international" | "sciences / recherche" | "senior / isolement" | "social / précarité" | "sports / loisirs")[];
            title: string;
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
        Spotlight: {
            description?: string;
            /** Format: date */
            ends_on?: string | null;
            id?: string;
            keywords?: string[];
            /** @description Les missions publiées que tu peux voir, liées par thématique ou mot-clé (« Je trouve » les liste avec `spotlight`) */
            mission_count?: number;
            /** Format: date */
            starts_on?: string;
            themes?: string[];
            title?: string;
        };
        SpotlightList: {
            months?: components["schemas"]["SpotlightMonth"][];
            total?: number;
        };
        SpotlightMonth: {
            items?: components["schemas"]["Spotlight"][];
            /** @description « décembre 2026 » */
            label?: string;
            /** @description AAAA-MM */
            month?: string;
        };
        SpotlightUpdate: {
            /** @default  */
            description?: string;
            /**
             * Format: date
             * @default null
             */
            ends_on?: string | null;
            keywords?: string[];
            /** Format: date */
            starts_on?: string;
            themes?: ("arts / culture" | "éducation / formation" | "enfance / famille" | "environnement" | "santé / handicap" | "emploi / insertion" | "droit / égalité" | "humanitaire international" | "sciences / recherche" | "senior / isolement" | "social / précarité" | "sports / loisirs")[];
            title?: string;
        };
        SpotlightWrite: {
            /** @default  */
            description?: string;
            /**
             * Format: date
             * @default null
             */
            ends_on?: string | null;
            keywords?: string[];
            /** Format: date */
            starts_on: string;
            themes?: ("arts / culture" | "éducation / formation" | "enfance / famille" | "environnement" | "santé / handicap" | "emploi / insertion" | "droit / égalité" | "humanitaire international" | "sciences / recherche" | "senior / isolement" | "social / précarité" | "sports / loisirs")[];
            title: string;
        };
        Taxonomy: {
            departments?: {
                [key: string]: unknown;
            }[];
            formats?: {
                [key: string]: string;
            };
            general_interest_categories?: {
                [key: string]: string;
            };
            personal_expertises?: string[];
            professional_expertises?: string[];
            regions?: string[];
            themes?: string[];
        };
        Vetting: {
            /** @enum {string} */
            decision: "approved" | "rejected";
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
