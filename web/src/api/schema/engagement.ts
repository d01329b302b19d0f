// Generated from services/engagement/openapi.json by `npm run api:generate`: do not edit.

export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les clés publiques qui vérifient les jetons de session (JWKS). */
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
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** S'inscrire (le lien de vérification part par e-mail). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignUp"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Trop d'inscriptions depuis cette adresse IP. */
                429: {
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
    "/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Postuler : crée la participation de l'année et prévient l'association (une candidature à la fois à l'étape 1). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Participation"];
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
    "/applications/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le formulaire « Je postule à la mission » pré-rempli : le message du guide et ton téléphone. */
        get: {
            parameters: {
                query: {
                    mission_id: string;
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
                        "application/json": components["schemas"]["ApplicationDraft"];
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
    "/associations/{association_id}/participations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                association_id: string;
            };
            cookie?: never;
        };
        /** Les participations aux missions de l'association, avec leurs dates validées et la présence. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
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
                        "application/json": components["schemas"]["ReferentParticipationList"];
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
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le journal de sécurité, le plus récent d'abord (équipe de la plateforme). */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    person_id?: string;
                    action?: string;
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
                        "application/json": components["schemas"]["AuditPage"];
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
    "/bilan-questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les questions du bilan de fin de mission, avec leurs choix (les mots du guide, plus deux questions de fin de mission). */
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
                        "application/json": components["schemas"]["BilanQuestionList"];
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
    "/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les entreprises : toutes pour l'équipe de la plateforme, la sienne pour un administrateur. */
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
                        "application/json": components["schemas"]["CompanyList"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Créer une entreprise (équipe de la plateforme). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompanyCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Company"];
                    };
                };
                /** @description Un des domaines appartient déjà à une autre entreprise. */
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
    "/companies/{company_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Une entreprise. */
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
                        "application/json": components["schemas"]["Company"];
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
        /** Modifier une entreprise (seule l'équipe de la plateforme change les domaines). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompanyUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Company"];
                    };
                };
                /** @description Un des domaines appartient déjà à une autre entreprise. */
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
        trace?: never;
    };
    "/companies/{company_id}/entities": {
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
        /** Ajouter une entité de rattachement. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EntityInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entity"];
                    };
                };
                /** @description Une entité porte déjà ce nom. */
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
    "/companies/{company_id}/entities/{entity_id}": {
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
        put?: never;
        post?: never;
        /** Supprimer une entité à laquelle plus personne n'est rattaché. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    entity_id: string;
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
                /** @description Des personnes sont rattachées à cette entité. */
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
        options?: never;
        head?: never;
        /** Renommer une entité. */
        patch: {
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
                    "application/json": components["schemas"]["EntityInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entity"];
                    };
                };
                /** @description Une entité porte déjà ce nom. */
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
        trace?: never;
    };
    "/companies/{company_id}/identity-providers": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les fournisseurs d'identité de l'entreprise (les secrets ne sont jamais renvoyés). */
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
                        "application/json": components["schemas"]["ProviderList"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Ajouter un fournisseur d'identité (OpenID Connect ou SAML 2.0). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProviderCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
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
    "/companies/{company_id}/identity-providers/{provider_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                provider_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier un fournisseur d'identité (enabled: false le désactive ; un secret vide garde l'actuel). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    provider_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProviderChange"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provider"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/companies/{company_id}/other-manager-requests": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les demandes de dates envoyées à quelqu'un d'autre que le manager enregistré (et décidées par lui), les plus récentes d'abord. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
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
                        "application/json": components["schemas"]["OtherManagerRequestPage"];
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
    "/companies/{company_id}/people": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les personnes d'une entreprise, par ordre alphabétique. */
        get: {
            parameters: {
                query?: {
                    /** @description La page voulue, à partir de 1 (au plus 10000). */
                    page?: number;
                    /** @description Le nombre d'éléments par page. */
                    per_page?: number;
                    /** @description Cherche dans le prénom, le nom et l'adresse e-mail. */
                    q?: string;
                    status?: "invited" | "active" | "disabled" | "deleted";
                    /** @description Les personnes rattachées à cette entité de l'entreprise. */
                    entity_id?: string;
                    /** @description Les personnes qui ont ce rôle. */
                    role?: "employee" | "association_referent" | "company_admin" | "platform_operator";
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
                        "application/json": components["schemas"]["PersonPage"];
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
    "/companies/{company_id}/scim-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Les jetons SCIM de l'entreprise (les actifs d'abord) et l'adresse du service SCIM à donner à l'annuaire RH. */
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
                        "application/json": components["schemas"]["ScimTokenList"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Créer un jeton SCIM : sa valeur n'est montrée qu'ici, une seule fois. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ScimTokenCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ScimTokenCreated"];
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
    "/companies/{company_id}/scim-tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
                token_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Révoquer un jeton SCIM : l'annuaire qui l'utilise est refusé dès maintenant. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                    token_id: string;
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
    "/companies/{company_id}/sso-password-fallback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Autoriser (ou non) le mot de passe en secours pour les personnes d'une entreprise en SSO. */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    company_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordFallback"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PasswordFallback"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
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
    "/date-requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        /** Une de mes demandes de dates. */
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
                        "application/json": components["schemas"]["DateRequestView"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        /** Annuler une demande encore en attente : les jours sont libérés et ton manager est prévenu. */
        delete: {
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
    "/email-verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recevoir à nouveau le lien de vérification. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Email"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Trop de demandes depuis cette adresse IP. */
                429: {
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
    "/email-verifications/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirmer son adresse e-mail avec le lien reçu. */
        post: {
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
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Lien déjà utilisé ou expiré. */
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
    "/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inviter une personne : elle reçoit un lien pour choisir son mot de passe et activer son compte. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationSent"];
                    };
                };
                /** @description Cette adresse a déjà un compte. */
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
    "/invitations/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        /** Ce que dit une invitation (pour préremplir le formulaire d'acceptation) ; le lien n'est pas consommé. */
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
                        "application/json": components["schemas"]["InvitationPreview"];
                    };
                };
                /** @description Invitation déjà acceptée ou expirée. */
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{secret}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accepter une invitation : choisir son mot de passe ; le compte est alors actif et l'adresse vérifiée. */
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
                    "application/json": components["schemas"]["InvitationAcceptance"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Invitation déjà acceptée ou expirée. */
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
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mon profil. */
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
                        "application/json": components["schemas"]["Person"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        post?: never;
        /**
         * Supprimer mon compte : mes données sont anonymisées ; ce que la loi impose de garder (conventions signées) est
         *     conservé. Les cookies de session sont effacés : le navigateur n'est plus connecté.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccountDeletion"];
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        /**
         * Modifier mon profil (nom, entité, téléphone, date de départ en retraite) ; ton manager, lui, est enregistré par
         *     l'administrateur de ton entreprise.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProfileUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/me/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le tableau de bord de « Mon compte » : « Bonjour », les jours utilisés, la TO DO LIST. */
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
                        "application/json": components["schemas"]["Dashboard"];
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
    "/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Toutes mes données, en JSON (droit d'accès et de portabilité). */
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
    "/me/favorites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mes missions favorites, les plus récentes d'abord. */
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
                        "application/json": components["schemas"]["FavoriteList"];
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
    "/me/favorites/{mission_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                mission_id: string;
            };
            cookie?: never;
        };
        get?: never;
        /** Ajouter une mission à mes favoris (sans effet si elle y est déjà). */
        put: {
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
                        "application/json": components["schemas"]["Favorite"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        /** Retirer une mission de mes favoris. */
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
    "/me/participations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Toutes mes participations : les quatre étapes, les dates par mois, les demandes, ce que je peux faire ensuite. */
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
                        "application/json": components["schemas"]["ParticipationList"];
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
    "/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mes préférences de mission. */
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
                        "application/json": components["schemas"]["Preferences"];
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /** Enregistrer mes préférences (elles nourrissent « Ces missions sont pour toi » et les alertes). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Preferences"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
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
    "/me/team/participations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * « Les missions de mon équipe » : les missions des personnes dont je suis le manager (ou qui m'ont demandé des
         *     dates), avec leurs quatre étapes et leurs dates.
         */
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
                        "application/json": components["schemas"]["TeamParticipationList"];
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
        /** La copie locale d'une mission publiée par le catalogue, si tu peux la voir (même règle que le catalogue). */
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
                        "application/json": components["schemas"]["MissionCopy"];
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
    "/missions/{mission_id}/share": {
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
        /** Partager la fiche mission par e-mail, à toi-même ou à des collègues, avec un message facultatif. */
        post: {
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
                    "application/json": components["schemas"]["Share"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShareResult"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Trop de partages ces dernières heures (en-tête Retry-After). */
                429: {
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
    "/participations/{participation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        /** Une de mes participations. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    participation_id: string;
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
                        "application/json": components["schemas"]["Participation"];
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
    "/participations/{participation_id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attester la présence, date par date (présent / absent), pour les dates validées dont le jour est venu.
         * @description Seulement pour les dates qu'une version signée de la convention couvre : elle se signe avant les jours de
         *     mission qu'elle ajoute (422 par date sinon).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    participation_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AttendanceInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReferentParticipation"];
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
    "/participations/{participation_id}/bilan": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compléter mon bilan : possible une fois ma présence attestée ; clôt la participation de l'année. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    participation_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BilanInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Participation"];
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
    "/participations/{participation_id}/date-requests": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Demander des dates à ton manager (la première fois, ou pour en ajouter) : jours ouvrés, à venir, dans l'année de la participation et dans ton allocation. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    participation_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DateRequestInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DateRequestView"];
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
    "/participations/{participation_id}/date-requests/draft": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        /**
         * Le formulaire de l'étape 2 pré-rempli : ton manager enregistré par ton entreprise, le message du guide, et si tu peux
         *     envoyer ta demande à un autre manager de l'entreprise.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    participation_id: string;
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
                        "application/json": components["schemas"]["DateRequestDraft"];
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
    "/participations/{participation_id}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                participation_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Me retirer de la mission avant sa première date validée : les demandes en attente sont annulées, les dates validées libérées. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    participation_id: string;
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
                        "application/json": components["schemas"]["Participation"];
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
    "/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Demander un lien pour choisir un nouveau mot de passe (même réponse que l'adresse soit connue ou non). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Email"];
                };
            };
            responses: {
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Trop de demandes depuis cette adresse IP. */
                429: {
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
    "/password-resets/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                secret: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choisir un nouveau mot de passe avec le lien reçu ; toutes les sessions ouvertes sont fermées. */
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
                    "application/json": components["schemas"]["NewPassword"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Lien déjà utilisé ou expiré. */
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
    "/people/{person_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                person_id: string;
            };
            cookie?: never;
        };
        /** Une personne (son entreprise pour un administrateur, toutes pour l'équipe de la plateforme). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
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
                        "application/json": components["schemas"]["AdminPerson"];
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
        /**
         * Changer les rôles d'une personne, son entité de rattachement, son manager (qui valide ses dates), désactiver ou
         *     réactiver son compte.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    person_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PersonAdminUpdate"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPerson"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        trace?: never;
    };
    "/people/{person_id}/retirement-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                person_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirmer la date de départ en retraite (mécénat fin de carrière : 1 jour par semaine dans les 12 mois qui précèdent). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
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
                        "application/json": components["schemas"]["AdminPerson"];
                    };
                };
                /** @description Pas de date de départ, date passée, ou mécénat fin de carrière désactivé. */
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
        /** Retirer la confirmation de la date de départ en retraite (retour aux jours par an). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
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
                        "application/json": components["schemas"]["AdminPerson"];
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
    "/preference-choices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les expertises professionnelles, expertises personnelles et thématiques proposées. */
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
                        "application/json": components["schemas"]["PreferenceChoices"];
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
    "/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Envoyer ton message à l'association : elle reçoit tes coordonnées, tu reçois les siennes. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProposalWrite"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Proposal"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Trop de propositions envoyées ces dernières heures (en-tête Retry-After). */
                429: {
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
    "/proposals/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le message pré-rempli du formulaire « Propose directement ton aide à l'association ». */
        get: {
            parameters: {
                query: {
                    association_id: string;
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
                        "application/json": components["schemas"]["Draft"];
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
    "/scim/v2/.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chercher dans tous les types de ressources à la fois : non pris en charge (501), comme RFC 7644 le permet. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Un SearchRequest (RFC 7644 §3.4.3). */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/scim+json": Record<string, never>;
                };
            };
            responses: {
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Non pris en charge : cherche dans /Users/.search. */
                501: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lister les entités de l'entreprise, avec leurs membres. */
        get: {
            parameters: {
                query?: {
                    /** @description Par exemple : userName eq "prenom.nom@entreprise.fr". */
                    filter?: string;
                    startIndex?: number;
                    count?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les entités de l'entreprise (ListResponse). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Groups/{group_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                group_id: string;
            };
            cookie?: never;
        };
        /** Lire une entité de l'entreprise. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    group_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description L'entité et ses membres. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/ResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les types de ressources servis. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les types de ressources (User, Group). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/ResourceTypes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        /** Un type de ressource. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Un type de ressource. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les schémas servis. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les schémas (User, extension entreprise, Group). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Schemas/{schema_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schema_id: string;
            };
            cookie?: never;
        };
        /** Un schéma. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    schema_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Un schéma. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/ServiceProviderConfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La configuration du service SCIM. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ce que ce service SCIM sait faire. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lister les personnes, avec `filter` (par exemple `userName eq "…"`), `startIndex` et `count`. */
        get: {
            parameters: {
                query?: {
                    /** @description Par exemple : userName eq "prenom.nom@entreprise.fr". */
                    filter?: string;
                    startIndex?: number;
                    count?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les personnes de l'entreprise (ListResponse). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        put?: never;
        /** Créer une personne de l'entreprise. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Une ressource User (RFC 7643 §4.1), extension entreprise comprise. */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/scim+json": Record<string, never>;
                };
            };
            responses: {
                /** @description La personne créée. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description userName déjà utilisé (scimType : uniqueness). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Contenu trop volumineux. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Users/.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Chercher des personnes (comme la liste, les critères dans le corps). */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Un SearchRequest (RFC 7644 §3.4.3). */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/scim+json": Record<string, never>;
                };
            };
            responses: {
                /** @description Les personnes trouvées (ListResponse). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Contenu trop volumineux. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
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
    "/scim/v2/Users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        /** Lire une personne. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La personne. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        /** Remplacer une personne (active: false la désactive partout, à l'instant). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            /** @description La ressource User entière. */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/scim+json": Record<string, never>;
                };
            };
            responses: {
                /** @description La personne remplacée. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description userName déjà utilisé (scimType : uniqueness). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Contenu trop volumineux. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        post?: never;
        /** Supprimer une personne (anonymisée, comme une suppression de compte ; participations et conventions restent). */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description La personne est supprimée : anonymisée, son historique gardé. */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
        options?: never;
        head?: never;
        /** Modifier une personne par opérations (par exemple `replace` `active` à false). */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    user_id: string;
                };
                cookie?: never;
            };
            /** @description Un PatchOp (RFC 7644 §3.5.2). */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                    "application/scim+json": Record<string, never>;
                };
            };
            responses: {
                /** @description La personne modifiée. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": Record<string, never>;
                    };
                };
                /** @description Requête invalide (scimType : invalidFilter, invalidSyntax, invalidValue…). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Jeton SCIM absent, inconnu ou révoqué. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Ressource inconnue, ou d'une autre entreprise. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description userName déjà utilisé (scimType : uniqueness). */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                /** @description Contenu trop volumineux. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/scim+json": {
                            detail?: string;
                            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
                            scimType?: string;
                            status: string;
                        };
                    };
                };
                default: components["responses"]["DEFAULT_ERROR"];
            };
        };
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
        /** Se connecter. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Adresse e-mail ou mot de passe incorrect (même réponse dans les deux cas). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Trop d'échecs depuis cette adresse. */
                429: {
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
        /** Se déconnecter : la session et tous les jetons déjà émis cessent de valoir, dans tous les services. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
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
    "/session/renewal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renouveler le jeton d'accès avec le cookie de session (rotation du jeton de renouvellement). */
        post: {
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
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Session expirée ou révoquée. */
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ce que le formulaire d'inscription propose pour cette adresse : l'entreprise, ses entités, le SSO. */
        get: {
            parameters: {
                query: {
                    email: string;
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
                        "application/json": components["schemas"]["SignUpOptions"];
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
    "/sso/companies/{company_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                company_id: string;
            };
            cookie?: never;
        };
        /** Le lien direct d'une entreprise (/connexion/<entreprise>) : ses fournisseurs d'identité actifs. */
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
                        "application/json": components["schemas"]["CompanySignIn"];
                    };
                };
                /** @description Entreprise inconnue. */
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
    "/sso/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** « Se connecter » : cette adresse passe-t-elle par le fournisseur d'identité de son entreprise ? */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Email"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Discovery"];
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
    "/sso/follow-ups/{attempt_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attempt_id: string;
            };
            cookie?: never;
        };
        /** La première connexion à compléter : l'entreprise, le nom transmis, les entités. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attempt_id: string;
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
                        "application/json": components["schemas"]["FollowUpOptions"];
                    };
                };
                /** @description Page expirée ou déjà utilisée. */
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
        /** Compléter la première connexion (entité, consentement) : le compte est créé et la session ouverte. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attempt_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FollowUp"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUpSession"];
                    };
                };
                /** @description Page expirée ou déjà utilisée. */
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
    "/sso/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Le retour du fournisseur d'identité (imposé par le protocole) : code vérifié, puis connexion ou première
         *     connexion à compléter.
         */
        get: {
            parameters: {
                query?: {
                    state?: string | null;
                    code?: string | null;
                    error?: string | null;
                    error_description?: string | null;
                    iss?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description See Other */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/sso/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commencer une connexion OpenID Connect : l'adresse du fournisseur, où la page se rend. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Start"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Started"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Le fournisseur d'identité ne répond pas. */
                502: {
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
    "/sso/saml/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Commencer une connexion SAML 2.0 : l'adresse du fournisseur (liaison HTTP-Redirect), où la page se rend. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Start"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Started"];
                    };
                };
                422: components["responses"]["UNPROCESSABLE_ENTITY"];
                /** @description Le fournisseur d'identité ne répond pas. */
                502: {
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
    "/sso/saml/{provider_id}/acs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Le retour du fournisseur d'identité SAML (liaison HTTP-POST, imposée par le protocole) : assertion signée
         *     vérifiée, puis connexion ou première connexion à compléter.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": components["schemas"]["SamlAcsForm"];
                };
            };
            responses: {
                /** @description See Other */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/sso/saml/{provider_id}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider_id: string;
            };
            cookie?: never;
        };
        /** Nos métadonnées de fournisseur de service SAML (entity id, adresse ACS) à donner au service informatique. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Les métadonnées SAML de Tandem (XML) pour ce fournisseur. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Connexion SAML inconnue ou inactive. */
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountDeletion: {
            /** @description Ton mot de passe, pour confirmer. */
            password: string;
        };
        AdminPerson: {
            association_ids?: string[];
            company?: components["schemas"]["CompanyRef"] | null;
            /** Format: date-time */
            created_at?: string;
            email?: string;
            email_verified?: boolean;
            /**
             * Format: date
             * @description Le premier jour des douze mois avant la date de départ en retraite : 1 jour par semaine à partir de ce jour, une fois la date confirmée et le mécénat fin de carrière activé ; null sans date de départ.
             */
            end_of_career_from?: string | null;
            entity?: components["schemas"]["Entity"] | null;
            first_name?: string;
            id?: string;
            last_name?: string;
            manager_email?: string | null;
            phone?: string | null;
            retirement_confirmed?: boolean;
            /** Format: date-time */
            retirement_confirmed_at?: string | null;
            retirement_confirmed_by?: string | null;
            /** Format: date */
            retirement_date?: string | null;
            roles?: string[];
            status?: string;
            /** Format: date-time */
            updated_at?: string;
        };
        Allowance: {
            days?: number;
            /** @description annual ou weekly (mécénat fin de carrière) */
            kind?: string;
            label?: string;
            /**
             * Format: date
             * @description Le premier jour des douze mois avant un départ à la retraite confirmé, quand il est à venir : les dates à partir de ce jour relèvent du mécénat fin de carrière (1 jour par semaine) et ne comptent pas sur les jours de l'année ; null sinon.
             */
            weekly_from?: string | null;
        };
        Application: {
            message: string;
            mission_id: string;
            /** @description Ton téléphone (enregistré dans ton profil s'il n'y était pas). */
            phone: string;
            /**
             * @description L'année civile de la participation : l'année en cours (par défaut) ou la suivante (1 convention = 1 année civile).
             * @default null
             */
            year?: number | null;
        };
        ApplicationDraft: {
            association_name?: string;
            /** @description Le message pré-rempli du guide : « Bonjour, Je suis … ». */
            message?: string;
            mission_id?: string;
            mission_title?: string;
            /** @description Le téléphone du profil, s'il est connu. */
            phone?: string | null;
            /** @description Les années civiles pour lesquelles tu peux postuler à cette mission. */
            years?: number[];
        };
        AttendanceInput: {
            dates: components["schemas"]["AttendanceItem"][];
        };
        AttendanceItem: {
            /** Format: date */
            date: string;
            present: boolean;
        };
        AuditEntry: {
            action?: string;
            actor_id?: string | null;
            address?: string | null;
            /** Format: date-time */
            at?: string;
            details?: {
                [key: string]: unknown;
            };
            id?: number;
            person_id?: string | null;
            user_agent?: string | null;
        };
        AuditPage: {
            items?: components["schemas"]["AuditEntry"][];
            total?: number;
        };
        BilanInput: {
            /** @description Les réponses par clé de question (voir GET /bilan-questions). */
            answers: {
                [key: string]: string | null;
            };
        };
        BilanQuestion: {
            choices?: string[];
            key?: string;
            label?: string;
            required?: boolean;
            /** @description Obligatoire quand cette autre réponse est donnée. */
            required_if?: {
                [key: string]: string;
            };
            /** @description choice ou text */
            type?: string;
        };
        BilanQuestionList: {
            items?: components["schemas"]["BilanQuestion"][];
            title?: string;
        };
        ClaimMapping: {
            email?: string;
            entity?: string;
            first_name?: string;
            last_name?: string;
            manager_email?: string;
        };
        Company: {
            /** Format: date-time */
            created_at?: string;
            days_per_year?: number;
            email_domains?: string[];
            end_of_career_enabled?: boolean;
            entities?: components["schemas"]["Entity"][];
            head_office_address?: string;
            id?: string;
            name?: string;
            other_manager_policy?: string;
            rcs?: string;
            representative_name?: string;
            representative_title?: string;
            siren?: string;
            /** Format: date-time */
            updated_at?: string;
            uses_sso?: boolean;
        };
        CompanyCreate: {
            /**
             * @description Jours de mécénat par salarié et par année civile : de 0,5 à 10, par demi-journée (le guide prévoit 1 à 2 jours ; 2 par défaut).
             * @default 2
             */
            days_per_year?: number;
            /** @description Les domaines des adresses e-mail autorisées à s'inscrire ; un domaine n'appartient qu'à une entreprise. */
            email_domains: string[];
            /**
             * @description Mécénat fin de carrière : 1 jour par semaine dans les 12 mois avant la retraite.
             * @default true
             */
            end_of_career_enabled?: boolean;
            /** @description Adresse du siège social */
            head_office_address: string;
            /** @description Raison sociale */
            name: string;
            /**
             * @description Si un salarié peut faire valider ses dates par un autre manager que celui enregistré (à une adresse de l'entreprise) : allowed, allowed_notify_admin (les administrateurs sont prévenus) ou refused.
             * @default allowed_notify_admin
             * @enum {string}
             */
            other_manager_policy?: "allowed" | "allowed_notify_admin" | "refused";
            /** @description Immatriculation au RCS, par exemple « RCS Lyon 552 100 554 » */
            rcs: string;
            /** @description Nom du représentant légal (signataire des conventions) */
            representative_name: string;
            /** @description Qualité du représentant */
            representative_title: string;
            /** @description SIREN (9 chiffres) */
            siren: string;
            /**
             * @description L'entreprise utilise la connexion SSO (l'inscription par formulaire est alors fermée).
             * @default false
             */
            uses_sso?: boolean;
        };
        CompanyList: {
            items?: components["schemas"]["Company"][];
            total?: number;
        };
        CompanyRef: {
            id?: string;
            name?: string;
            uses_sso?: boolean;
        };
        CompanySignIn: {
            company_id?: string;
            company_name?: string;
            password_allowed?: boolean;
            providers?: components["schemas"]["ProviderChoice"][];
        };
        CompanyUpdate: {
            /** @description Jours de mécénat par salarié et par année civile : de 0,5 à 10, par demi-journée (le guide prévoit 1 à 2 jours ; 2 par défaut). */
            days_per_year?: number;
            /** @description Les domaines des adresses e-mail autorisées à s'inscrire ; un domaine n'appartient qu'à une entreprise. */
            email_domains?: string[];
            end_of_career_enabled?: boolean;
            head_office_address?: string;
            name?: string;
            /**
             * @description Si un salarié peut faire valider ses dates par un autre manager que celui enregistré (à une adresse de l'entreprise) : allowed, allowed_notify_admin (les administrateurs sont prévenus) ou refused.
             * @enum {string}
             */
            other_manager_policy?: "allowed" | "allowed_notify_admin" | "refused";
            rcs?: string;
            representative_name?: string;
            representative_title?: string;
            siren?: string;
            uses_sso?: boolean;
        };
        Convention: {
            id?: string;
            /** Format: date-time */
            issued_at?: string | null;
            /** @description La page où lire et signer la convention : /mon-compte/conventions/<id>. */
            sign_url?: string;
            /** Format: date-time */
            signed_at?: string | null;
            /** @description La dernière version signée (null : aucune). */
            signed_version?: number | null;
            /** @description La dernière version éditée attend ta signature. */
            to_sign?: boolean;
            /** @description La dernière version éditée (chaque nouvel ensemble de dates validées en fait une). */
            version?: number;
        };
        Dashboard: {
            allowance?: components["schemas"]["Allowance"];
            /** @description Quand le mécénat fin de carrière commence plus tard dans l'année (`allowance.weekly_from`) : les jours validés ou demandés à partir de ce jour, à 1 jour par semaine ; ils ne comptent ni dans les jours prévus ou en attente ci-dessus, ni sur l'allocation de l'année. 0 sinon. */
            days_end_of_career?: number;
            /** @description Les jours demandés, en attente de ton manager, cette année. */
            days_pending?: number;
            /** @description Les dates validées par ton manager, encore à venir cette année. */
            days_planned?: number;
            days_planned_label?: string | null;
            /** @description Allocation annuelle moins les jours validés et en attente (null en mécénat fin de carrière : 1 jour par semaine). */
            days_remaining?: number | null;
            /** @description Tu as déjà utilisé X jours de mission : les dates validées déjà venues (aujourd'hui compris). */
            days_used?: number;
            days_used_label?: string;
            first_name?: string;
            todo?: components["schemas"]["Todo"];
            year?: number;
        };
        DateRequestDraft: {
            /** @description Les domaines des adresses de l'entreprise. */
            company_domains?: string[];
            /** @description Ton manager, enregistré par l'administrateur de ton entreprise (null : pas encore enregistré). */
            manager_email?: string | null;
            /** @description Le message pré-rempli du guide pour ton manager. */
            message?: string;
            /** @description Si tu peux envoyer ta demande à un autre manager de l'entreprise : allowed, allowed_notify_admin (l'administrateur est prévenu) ou refused (seul ton manager enregistré valide). */
            other_manager_policy?: string;
            year?: number;
        };
        DateRequestInput: {
            dates: components["schemas"]["DayInput"][];
            /**
             * Format: email
             * @description Ta demande d'absence sera envoyée à : par défaut ton manager enregistré par ton entreprise ; un autre manager, à une adresse de l'entreprise, seulement si la politique de l'entreprise le permet.
             * @default null
             */
            manager_email?: string | null;
            /**
             * @description Message pour ton manager (par défaut, celui du guide).
             * @default null
             */
            message?: string | null;
        };
        DateRequestView: {
            cancel_reason?: string | null;
            /** Format: date-time */
            cancelled_at?: string | null;
            /** @description Demande en attente dont une date est passée : le manager ne peut plus l'accepter (les dates se valident avant la mission), seulement la refuser ; le salarié l'annule et demande d'autres dates. */
            date_passed?: boolean;
            dates?: components["schemas"]["MissionDate"][];
            /** Format: date-time */
            decided_at?: string | null;
            id?: string;
            /** @description initial (« Je valide mes dates ») ou additional (« Ajouter des dates »). */
            kind?: string;
            manager_email?: string;
            /** @description La personne à qui la demande a été envoyée n'a plus accès à Tandem (compte désactivé ou supprimé) : personne ne peut plus la valider ; le salarié l'annule et renvoie ses dates à son manager actuel. */
            manager_lost_access?: boolean;
            message?: string;
            participation_id?: string;
            refusal_reason?: string | null;
            /** Format: date-time */
            requested_at?: string;
            /** @description approval a envoyé la demande au manager. */
            sent_to_manager?: boolean;
            /** @description pending, approved, refused ou cancelled. */
            status?: string;
        };
        DayInput: {
            /** Format: date */
            date: string;
            /** @enum {string} */
            format: "full_day" | "half_day";
        };
        Discovery: {
            company_name?: string | null;
            /** @description « sso » : la connexion se fait directement chez le fournisseur ; « password » : le formulaire. */
            method?: string;
            password_allowed?: boolean;
            protocol?: string | null;
            provider_id?: string | null;
        };
        Draft: {
            association_id?: string;
            association_name?: string;
            message?: string;
            /** @description Le numéro envoyé à l'association : le dernier que tu as donné. */
            phone?: string | null;
        };
        Email: {
            /** Format: email */
            email: string;
        };
        Entity: {
            id?: string;
            name?: string;
        };
        EntityInput: {
            /** @description Nom de l'entité de rattachement */
            name: string;
        };
        Favorite: {
            /** Format: date-time */
            added_at?: string;
            association_name?: string;
            mission_id?: string;
            title?: string;
            url?: string;
        };
        FavoriteList: {
            items?: components["schemas"]["Favorite"][];
            total?: number;
        };
        FollowUp: {
            /** @description J'autorise l'utilisation de mes données personnelles… */
            consent: boolean;
            /** @default null */
            entity_id?: string | null;
        };
        FollowUpEntity: {
            id?: string;
            name?: string;
        };
        FollowUpOptions: {
            company_name?: string;
            email?: string;
            entities?: components["schemas"]["FollowUpEntity"][];
            /** @description L'entité que le fournisseur a nommée, s'il l'a fait. */
            entity_id?: string | null;
            first_name?: string;
            last_name?: string;
        };
        FollowUpSession: {
            /**
             * Format: date-time
             * @description Fin de validité du jeton d'accès (renouvelable).
             */
            expires_at?: string;
            person?: components["schemas"]["Person"];
            /** @description La page de Tandem où aller maintenant. */
            return_path?: string;
        };
        Invitation: {
            /** @description Obligatoire pour un référent d'association. */
            association_ids?: string[];
            /** @description Par défaut, l'entreprise de l'administrateur qui invite. */
            company_id?: string | null;
            /** Format: email */
            email: string;
            entity_id?: string | null;
            first_name: string;
            last_name: string;
            roles: ("employee" | "association_referent" | "company_admin" | "platform_operator")[];
        };
        InvitationAcceptance: {
            /** @description J'autorise l'utilisation de mes données personnelles… */
            consent: boolean;
            first_name?: string;
            last_name?: string;
            /** @description Entre 12 et 128 caractères, tous les caractères imprimables autorisés. Évitez les mots courants et informations personnelles. */
            password: string;
            password_confirmation: string;
        };
        InvitationPreview: {
            company_name?: string | null;
            email?: string;
            /** Format: date-time */
            expires_at?: string;
            first_name?: string;
            last_name?: string;
            roles?: string[];
        };
        InvitationSent: {
            /**
             * Format: date-time
             * @description Fin de validité du lien envoyé par e-mail.
             */
            expires_at?: string;
            person?: components["schemas"]["AdminPerson"];
        };
        Login: {
            email: string;
            password: string;
        };
        Message: {
            /** @description Un message à montrer tel quel. */
            detail?: string;
        };
        MissionCopy: {
            /** Format: date-time */
            as_of?: string;
            association_id?: string | null;
            association_name?: string;
            contact_email?: string | null;
            /** @description Le référent de la mission à l'association. */
            contact_name?: string | null;
            contact_phone?: string | null;
            id?: string;
            open_to_all_companies?: boolean;
            status?: string;
            title?: string;
            url?: string;
        };
        MissionDate: {
            /** @description Une version signée de la convention couvre cette date. */
            convention_signed?: boolean;
            /** Format: date */
            date?: string;
            /** @description full_day (journée) ou half_day (1/2 journée). */
            format?: string;
            format_label?: string;
            /** @description « Lundi 26 (journée) » */
            label?: string;
            /** @description La présence attestée par l'association (null : pas encore). */
            present?: boolean | null;
            request_id?: string;
            /** @description pending, approved, refused ou cancelled. */
            state?: string;
            /** @description L'état en mots : « en attente de validation », « validée » (couverte par la convention signée), « convention à signer » (seule la dernière version, pas encore signée, la couvre), « validée, convention en préparation », « refusée », « annulée », « passée sans validation » (en attente, et le jour est passé). */
            state_label?: string;
            /** @description En attente de validation, et le jour est passé : le manager ne peut plus l'accepter ; la demande est à annuler. */
            too_late?: boolean;
        };
        MissionRef: {
            association_id?: string | null;
            association_name?: string;
            contact_email?: string | null;
            contact_name?: string | null;
            contact_phone?: string | null;
            id?: string;
            status?: string;
            title?: string;
            url?: string;
        };
        MissionTitle: {
            id?: string;
            title?: string;
        };
        Month: {
            dates?: components["schemas"]["MissionDate"][];
            /** @description « JANVIER 2026 » */
            month?: string;
        };
        NewPassword: {
            password: string;
            password_confirmation: string;
        };
        OtherManagerDate: {
            /** Format: date */
            date?: string;
            format?: string;
            /** @description « Lundi 26 (journée) » */
            label?: string;
        };
        OtherManagerPerson: {
            email?: string;
            id?: string;
            name?: string;
        };
        OtherManagerRequest: {
            association_name?: string;
            dates?: components["schemas"]["OtherManagerDate"][];
            /** Format: date-time */
            decided_at?: string | null;
            /** @description link (le lien de l'e-mail) ou team_view. */
            decided_via?: string | null;
            id?: string;
            /** @description initial ou additional. */
            kind?: string;
            /** @description À qui la demande a été envoyée : c'est cette personne qui la décide. */
            manager_email?: string;
            mission_title?: string;
            person?: components["schemas"]["OtherManagerPerson"];
            /** @description Le manager enregistré de la personne au moment de la demande (null : aucun). */
            recorded_manager_email?: string | null;
            /** Format: date-time */
            requested_at?: string;
            /** @description pending, approved, refused ou cancelled. */
            status?: string;
        };
        OtherManagerRequestPage: {
            items?: components["schemas"]["OtherManagerRequest"][];
            total?: number;
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
        Participation: {
            attendance_complete?: boolean;
            /** Format: date-time */
            attendance_completed_at?: string | null;
            /** Format: date-time */
            bilan_completed_at?: string | null;
            /** @description Le bilan en PDF, une fois édité (null : pas encore). */
            bilan_pdf_url?: string | null;
            /** @description « AJOUTER DES DATES » est possible (des dates sont déjà validées ou en attente). */
            can_add_dates?: boolean;
            can_complete_bilan?: boolean;
            /** @description « JE VALIDE MES DATES » est possible. */
            can_request_dates?: boolean;
            can_withdraw?: boolean;
            /** @description La convention de l'année (null : pas encore éditée). */
            convention?: components["schemas"]["Convention"] | null;
            /** @description L'étape 3 « Je signe ma convention » : todo (pas encore de convention), to_sign (la dernière version attend ta signature) ou done (signée). */
            convention_state?: string;
            days_approved?: number;
            days_pending?: number;
            /** @description Un message à montrer après l'action, le cas échéant. */
            detail?: string;
            id?: string;
            mission?: components["schemas"]["MissionRef"];
            /** @description Les dates validées ou en attente, par mois. */
            months?: components["schemas"]["Month"][];
            /** @description Les demandes, les plus récentes d'abord. */
            requests?: components["schemas"]["DateRequestView"][];
            /** @description open, withdrawn ou closed (bilan complété). */
            status?: string;
            steps?: components["schemas"]["Step"][];
            /** Format: date-time */
            submitted_at?: string;
            /** Format: date-time */
            withdrawn_at?: string | null;
            year?: number;
        };
        ParticipationList: {
            items?: components["schemas"]["Participation"][];
            total?: number;
        };
        PasswordFallback: {
            sso_password_fallback: boolean;
        };
        Person: {
            association_ids?: string[];
            company?: components["schemas"]["CompanyRef"] | null;
            email?: string;
            email_verified?: boolean;
            entity?: components["schemas"]["Entity"] | null;
            first_name?: string;
            id?: string;
            last_name?: string;
            manager_email?: string | null;
            phone?: string | null;
            retirement_confirmed?: boolean;
            /** Format: date */
            retirement_date?: string | null;
            roles?: string[];
            status?: string;
        };
        PersonAdminUpdate: {
            /** @description Les associations d'un référent (opérateurs de la plateforme seulement). */
            association_ids?: string[];
            /** @description L'entité de rattachement, parmi celles de l'entreprise de la personne. */
            entity_id?: string;
            /**
             * Format: email
             * @description Le manager de la personne, qui valide ses dates par défaut : une adresse de l'entreprise (null : aucun).
             */
            manager_email?: string | null;
            /** @description Tous les rôles de la personne (remplacent les actuels). */
            roles?: ("employee" | "association_referent" | "company_admin" | "platform_operator")[];
            /**
             * @description active ou disabled
             * @enum {string}
             */
            status?: "active" | "disabled";
        };
        PersonContact: {
            email?: string;
            id?: string;
            name?: string;
            phone?: string | null;
        };
        PersonPage: {
            items?: components["schemas"]["AdminPerson"][];
            total?: number;
        };
        PreferenceChoices: {
            personal_expertises?: string[];
            professional_expertises?: string[];
            themes?: string[];
        };
        Preferences: {
            /** @description Je souhaite être alerté.e par e-mail dès qu'une mission correspondant à ma sélection est publiée */
            alerts_opt_in: boolean;
            personal_expertises: string[];
            professional_expertises: string[];
            /**
             * @description Préviens-moi quand un nouveau quiz est en ligne (par défaut non ; absent : inchangé).
             * @default null
             */
            quiz_opt_in?: boolean | null;
            themes: string[];
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
        ProfileUpdate: {
            entity_id?: string;
            first_name?: string;
            last_name?: string;
            /**
             * Format: email
             * @description Refusé s'il change : ton manager est enregistré par l'administrateur de ton entreprise.
             */
            manager_email?: string | null;
            /** @description null : retirer ton numéro. */
            phone?: string | null;
            /** Format: date */
            retirement_date?: string | null;
        };
        Proposal: {
            association_email?: string;
            association_id?: string;
            association_name?: string;
            /** Format: date-time */
            created_at?: string;
            detail?: string;
            id?: string;
        };
        ProposalWrite: {
            association_id: string;
            message: string;
            /** @description Le numéro que l'association reçoit (il devient celui de ton profil) ; null : aucun numéro ; absent : celui du profil. */
            phone?: string | null;
        };
        Provider: {
            claim_mapping: {
                [key: string]: string;
            };
            company_id: string;
            /** Format: date-time */
            created_at: string;
            display_name: string;
            domains: string[];
            enabled: boolean;
            has_client_secret: boolean;
            id: string;
            oidc_client_id?: string | null;
            oidc_client_secret_ref?: string | null;
            oidc_issuer?: string | null;
            oidc_scopes?: string | null;
            protocol: string;
            saml_idp_entity_id?: string | null;
            saml_idp_metadata_url?: string | null;
            saml_idp_metadata_xml?: string | null;
            /** @description SAML : l'adresse des métadonnées de Tandem (entity id) à donner au service informatique. */
            saml_sp_metadata_url?: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        ProviderChange: {
            claim_mapping?: components["schemas"]["ClaimMapping"];
            /** @description Le nom affiché (par exemple « Microsoft Entra ID »). */
            display_name?: string;
            /** @description Les domaines e-mail (de l'entreprise) pour lesquels ce fournisseur répond. */
            domains?: string[];
            enabled?: boolean;
            oidc_client_id?: string | null;
            /** @description Gardé chiffré, jamais renvoyé. */
            oidc_client_secret?: string | null;
            /** @description Ou une variable d'environnement : env:NOM. */
            oidc_client_secret_ref?: string | null;
            oidc_issuer?: string | null;
            oidc_scopes?: string | null;
            saml_idp_entity_id?: string | null;
            saml_idp_metadata_url?: string | null;
            saml_idp_metadata_xml?: string | null;
        };
        ProviderChoice: {
            display_name?: string;
            id?: string;
            protocol?: string;
        };
        ProviderCreate: {
            claim_mapping?: components["schemas"]["ClaimMapping"];
            display_name: string;
            domains: string[];
            enabled?: boolean;
            oidc_client_id?: string | null;
            /** @description Gardé chiffré, jamais renvoyé. */
            oidc_client_secret?: string | null;
            /** @description Ou une variable d'environnement : env:NOM. */
            oidc_client_secret_ref?: string | null;
            oidc_issuer?: string | null;
            oidc_scopes?: string | null;
            /** @enum {string} */
            protocol: "oidc" | "saml";
            saml_idp_entity_id?: string | null;
            saml_idp_metadata_url?: string | null;
            saml_idp_metadata_xml?: string | null;
        };
        ProviderList: {
            items: components["schemas"]["Provider"][];
            /** @description L'adresse de retour à déclarer chez le fournisseur OpenID Connect. */
            oidc_redirect_uri: string;
            /** @description Le lien direct de l'entreprise (/connexion/<domaine>), un chemin de Tandem à donner aux collaborateurs. */
            sign_in_link: string;
            sso_password_fallback: boolean;
        };
        ReferentDate: {
            /** @description Le jour est venu : la présence peut être attestée, si une version signée de la convention couvre la date (`convention_signed`). */
            attestable?: boolean;
            /** @description Une version signée de la convention couvre cette date. */
            convention_signed?: boolean;
            /** Format: date */
            date?: string;
            /** @description full_day (journée) ou half_day (1/2 journée). */
            format?: string;
            format_label?: string;
            /** @description « Lundi 26 (journée) » */
            label?: string;
            /** @description La présence attestée par l'association (null : pas encore). */
            present?: boolean | null;
            request_id?: string;
            /** @description pending, approved, refused ou cancelled. */
            state?: string;
            /** @description L'état en mots : « en attente de validation », « validée » (couverte par la convention signée), « convention à signer » (seule la dernière version, pas encore signée, la couvre), « validée, convention en préparation », « refusée », « annulée », « passée sans validation » (en attente, et le jour est passé). */
            state_label?: string;
            /** @description En attente de validation, et le jour est passé : le manager ne peut plus l'accepter ; la demande est à annuler. */
            too_late?: boolean;
        };
        ReferentParticipation: {
            attendance_complete?: boolean;
            bilan_completed?: boolean;
            /** @description Les dates validées par le manager, avec la présence. */
            dates?: components["schemas"]["ReferentDate"][];
            days_present?: number;
            id?: string;
            message?: string;
            mission?: components["schemas"]["MissionTitle"];
            pending_dates?: components["schemas"]["MissionDate"][];
            person?: components["schemas"]["PersonContact"];
            status?: string;
            /** Format: date-time */
            submitted_at?: string;
            year?: number;
        };
        ReferentParticipationList: {
            items?: components["schemas"]["ReferentParticipation"][];
            total?: number;
        };
        SamlAcsForm: {
            /** @description La réponse SAML du fournisseur (base64). */
            SAMLResponse: string;
        };
        ScimToken: {
            /** Format: date-time */
            created_at: string;
            id: string;
            /**
             * Format: date-time
             * @description Dernier appel de l'annuaire avec ce jeton (à la minute près).
             */
            last_used_at: string | null;
            name: string;
            /** Format: date-time */
            revoked_at: string | null;
        };
        ScimTokenCreate: {
            /** @description Un nom pour reconnaître ce jeton (par exemple, le nom de l'annuaire RH). */
            name: string;
        };
        ScimTokenCreated: {
            base_url: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            /**
             * Format: date-time
             * @description Dernier appel de l'annuaire avec ce jeton (à la minute près).
             */
            last_used_at: string | null;
            name: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @description La valeur du jeton : montrée cette seule fois, jamais gardée en clair. */
            token: string;
        };
        ScimTokenList: {
            /** @description L'adresse du service SCIM à donner à l'annuaire RH. */
            base_url: string;
            items: components["schemas"]["ScimToken"][];
        };
        ServiceSession: {
            /** @description Ses rôles, triés. */
            roles: string[];
            /** @description Le service qui a vérifié le jeton. */
            service: string;
            /** @description La personne identifiée par le jeton (`sub`). */
            subject: string;
        };
        Session: {
            /**
             * Format: date-time
             * @description Fin de validité du jeton d'accès (renouvelable).
             */
            expires_at?: string;
            person?: components["schemas"]["Person"];
        };
        Share: {
            /** @default null */
            message?: string | null;
            recipients: string[];
        };
        ShareResult: {
            detail?: string;
            recipients?: string[];
        };
        SignUp: {
            /** @description J'autorise l'utilisation de mes données personnelles… */
            consent: boolean;
            /**
             * Format: email
             * @description Adresse e-mail professionnelle
             */
            email: string;
            /** @description Entité de rattachement */
            entity_id: string;
            /** @description Prénom */
            first_name: string;
            /** @description Nom */
            last_name: string;
            /** @description Entre 12 et 128 caractères, tous les caractères imprimables autorisés. Évitez les mots courants et informations personnelles. */
            password: string;
            password_confirmation: string;
        };
        SignUpOptions: {
            company_name?: string;
            entities?: components["schemas"]["Entity"][];
            uses_sso?: boolean;
        };
        Start: {
            provider_id: string;
            /**
             * @description Page de Tandem où revenir une fois connecté (un chemin).
             * @default null
             */
            return_path?: string | null;
        };
        Started: {
            /** @description L'adresse du fournisseur d'identité où la page se rend. */
            redirect_url?: string;
        };
        Step: {
            hint?: string | null;
            label?: string;
            number?: number;
            /** @description done, in_progress (en attente d'un tiers), todo, to_sign (étape 3 : une version de ta convention attend ta signature) ou locked. */
            state?: string;
        };
        TeamMember: {
            id?: string;
            name?: string;
        };
        TeamParticipation: {
            days_approved?: number;
            days_pending?: number;
            id?: string;
            mission?: components["schemas"]["MissionRef"];
            months?: components["schemas"]["Month"][];
            person?: components["schemas"]["TeamMember"];
            status?: string;
            steps?: components["schemas"]["Step"][];
            year?: number;
        };
        TeamParticipationList: {
            items?: components["schemas"]["TeamParticipation"][];
            total?: number;
        };
        Todo: {
            /** @description Complète ton bilan */
            complete_bilan?: number;
            /** @description Signe ta convention */
            conventions_to_sign?: number;
            /** @description Finalise ton inscription */
            finalise_registration?: number;
            /** @description Valide les dates de ton équipe */
            validate_team_dates?: number;
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
