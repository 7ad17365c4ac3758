// Generated from the server's OpenAPI document by `npm run gen:api` — do not edit by hand.
// The route schemas (src/*/*-routes.ts) are the source; `npm test` fails when this file is stale.
export interface paths {
    "/api/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent notification e-mails and their delivery state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                createdAt: string;
                                id: string;
                                kind: string;
                                lastError: string | null;
                                sentAt: string | null;
                                subject: string;
                                toAddress: string;
                            }[];
                        };
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
    "/api/admin/role-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Role-change requests of administrators (pending first) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                added: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                createdAt: string;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                decisionComment: string | null;
                                id: string;
                                reason: string;
                                removed: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                requestedBy: string;
                                rolesAfter: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                rolesBefore: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                /** @enum {string} */
                                status: "pending" | "approved" | "refused" | "withdrawn";
                                userId: string;
                                username: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ask for a change of one's own roles; another administrator must approve it (the other administrators get a task and an e-mail) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionComment: string | null;
                            id: string;
                            reason: string;
                            removed: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            requestedBy: string;
                            rolesAfter: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            rolesBefore: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            /** @enum {string} */
                            status: "pending" | "approved" | "refused" | "withdrawn";
                            userId: string;
                            username: string;
                        };
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
    "/api/admin/role-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (apply) another administrator's role-change request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionComment: string | null;
                            id: string;
                            reason: string;
                            removed: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            requestedBy: string;
                            rolesAfter: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            rolesBefore: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            /** @enum {string} */
                            status: "pending" | "approved" | "refused" | "withdrawn";
                            userId: string;
                            username: string;
                        };
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
    "/api/admin/role-requests/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a role-change request (the requester withdraws their own) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionComment: string | null;
                            id: string;
                            reason: string;
                            removed: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            requestedBy: string;
                            rolesAfter: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            rolesBefore: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            /** @enum {string} */
                            status: "pending" | "approved" | "refused" | "withdrawn";
                            userId: string;
                            username: string;
                        };
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
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                department: string | null;
                                disabled: boolean;
                                displayName: string;
                                email: string | null;
                                id: string;
                                /** @enum {string} */
                                locale: "ja" | "en";
                                lockedUntil: string | null;
                                revealGrantedAt: string | null;
                                roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                scopeDepartments: string[];
                                totpEnabled: boolean;
                                updatedAt: string;
                                username: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user; a random password is returned once when none is given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        department?: string | null;
                        displayName: string;
                        email?: string | null;
                        /** @enum {string} */
                        locale?: "ja" | "en";
                        password?: string;
                        roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            password?: string;
                            user: {
                                createdAt: string;
                                department: string | null;
                                disabled: boolean;
                                displayName: string;
                                email: string | null;
                                id: string;
                                /** @enum {string} */
                                locale: "ja" | "en";
                                lockedUntil: string | null;
                                revealGrantedAt: string | null;
                                roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                scopeDepartments: string[];
                                totpEnabled: boolean;
                                updatedAt: string;
                                username: string;
                            };
                        };
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
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, e-mail, roles, department or disabled state */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        department?: string | null;
                        disabled?: boolean;
                        displayName?: string;
                        email?: string | null;
                        /** @enum {string} */
                        locale?: "ja" | "en";
                        roles?: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                        scopeDepartments?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            department: string | null;
                            disabled: boolean;
                            displayName: string;
                            email: string | null;
                            id: string;
                            /** @enum {string} */
                            locale: "ja" | "en";
                            lockedUntil: string | null;
                            revealGrantedAt: string | null;
                            roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            scopeDepartments: string[];
                            totpEnabled: boolean;
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/admin/users/{id}/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of a user */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password (random when none given); ends the user's sessions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            password?: string;
                        };
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
    "/api/admin/users/{id}/reset-totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove another user's second factor (lost phone): their sessions end and they set it up again at the next login */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            department: string | null;
                            disabled: boolean;
                            displayName: string;
                            email: string | null;
                            id: string;
                            /** @enum {string} */
                            locale: "ja" | "en";
                            lockedUntil: string | null;
                            revealGrantedAt: string | null;
                            roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            scopeDepartments: string[];
                            totpEnabled: boolean;
                            updatedAt: string;
                            username: string;
                        };
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
    "/api/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a temporary lock-out */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            department: string | null;
                            disabled: boolean;
                            displayName: string;
                            email: string | null;
                            id: string;
                            /** @enum {string} */
                            locale: "ja" | "en";
                            lockedUntil: string | null;
                            revealGrantedAt: string | null;
                            roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            scopeDepartments: string[];
                            totpEnabled: boolean;
                            updatedAt: string;
                            username: string;
                        };
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
    "/api/approaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All submitted reports */
        get: {
            parameters: {
                query?: {
                    assigneeId?: string;
                    channel?: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                    clusterId?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    riskLevel?: "low" | "medium" | "high";
                    status?: "draft" | "new" | "in_review" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigneeName: string | null;
                                attachmentCount: number;
                                /** @enum {string} */
                                channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                clusterId: string | null;
                                createdAt: string;
                                department: string | null;
                                firedFlags: string[];
                                id: string;
                                reference: string;
                                reporterName: string | null;
                                /** @enum {string} */
                                riskLevel: "low" | "medium" | "high";
                                senderName: string | null;
                                senderOrganisation: string | null;
                                /** @enum {string} */
                                status: "draft" | "new" | "in_review" | "closed";
                                submittedAt: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start a report (saved as a draft until submitted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers?: {
                            [key: string]: "yes" | "no" | "unsure";
                        };
                        asked?: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                        askedOther?: string | null;
                        /** @enum {string} */
                        channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                        channelOther?: string | null;
                        description?: string | null;
                        messageText?: string | null;
                        occurredOn?: string | null;
                        offered?: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                        offeredOther?: string | null;
                        sender?: {
                            email?: string | null;
                            name?: string | null;
                            organisation?: string | null;
                            phone?: string | null;
                            profileUrl?: string | null;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One report (own, or any for the office) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** Change my draft; `version` must be the one last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers?: {
                            [key: string]: "yes" | "no" | "unsure";
                        };
                        asked?: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                        askedOther?: string | null;
                        /** @enum {string} */
                        channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                        channelOther?: string | null;
                        description?: string | null;
                        messageText?: string | null;
                        occurredOn?: string | null;
                        offered?: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                        offeredOther?: string | null;
                        sender?: {
                            email?: string | null;
                            name?: string | null;
                            organisation?: string | null;
                            phone?: string | null;
                            profileUrl?: string | null;
                        };
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Discard my draft */
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approaches/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach screenshots, message texts or PDFs to my draft (multipart/form-data). A refused file leaves the draft as it was and names the file */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an attachment from my draft */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approaches/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report's audit history */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorLabel: string;
                                after: unknown;
                                at: string;
                                before: unknown;
                                id: number;
                            }[];
                            total: number;
                        };
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
    "/api/approaches/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an internal note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a party (person or organisation) and screen it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        partyId: string;
                        /** @enum {string} */
                        role: "sender" | "organisation";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}/parties/{partyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a party */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    partyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approaches/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as a PDF for referral to the police; `pseudonymise=true` hides the reporter */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                    pseudonymise?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/approaches/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a review (事前確認・取引審査) to the report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        reviewId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}/reviews/{reviewId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a review */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    reviewId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approaches/{id}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen the report's people and organisations again */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send my draft to the security office */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set status, assignee and outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string | null;
                        outcome?: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                        outcomeNote?: string | null;
                        /** @enum {string} */
                        status?: "new" | "in_review" | "closed";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answers: {
                                [key: string]: "yes" | "no" | "unsure";
                            };
                            asked: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                            askedOther: string | null;
                            assessment: {
                                advice: {
                                    en: string;
                                    ja: string;
                                }[];
                                firedFlags: string[];
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                possibleFlags: string[];
                                reasons: {
                                    /** @enum {string} */
                                    answer?: "yes" | "unsure";
                                    id: string;
                                    points: number;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                score: number;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            attachments: {
                                createdAt: string;
                                fileName: string;
                                id: string;
                                /** @enum {string} */
                                kind: "message_text" | "screenshot" | "document";
                                mediaType: string;
                                sha256: string;
                                sizeBytes: number;
                            }[];
                            /** @enum {string} */
                            channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                            channelOther: string | null;
                            createdAt: string;
                            description: string | null;
                            id: string;
                            messageText: string | null;
                            mine: boolean;
                            number: number;
                            occurredOn: string | null;
                            offered: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                            offeredOther: string | null;
                            office: {
                                assignee: {
                                    displayName: string;
                                    id: string;
                                } | null;
                                canTriage: boolean;
                                cluster: {
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    id: string;
                                    reportCount: number;
                                    reporterCount: number;
                                } | null;
                                links: {
                                    reasons: {
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        kind: string;
                                        similarity?: number;
                                        value?: string;
                                    }[];
                                    reference: string;
                                    reportId: string;
                                }[];
                                notes: {
                                    authorName: string | null;
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                                outcome: ("no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other") | null;
                                outcomeNote: string | null;
                                parties: {
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    linkedAt: string;
                                    name: string;
                                    partyId: string;
                                    /** @enum {string} */
                                    role: "sender" | "organisation";
                                    screening: {
                                        confirmedHitCount: number;
                                        message: {
                                            en: string;
                                            ja: string;
                                        } | null;
                                        openHitCount: number;
                                        runId: string | null;
                                        screenedAt: string;
                                        /** @enum {string} */
                                        status: "screened" | "unavailable" | "failed";
                                        topHits: {
                                            match: boolean;
                                            name: string;
                                            score: number;
                                            source: string;
                                        }[];
                                    } | null;
                                }[];
                                reviewIds: string[];
                                screeningFlags: string[];
                            } | null;
                            reference: string;
                            reporter: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            };
                            sender: {
                                email: string | null;
                                name: string | null;
                                organisation: string | null;
                                phone: string | null;
                                profileUrl: string | null;
                            };
                            /** @enum {string} */
                            status: "draft" | "new" | "in_review" | "closed";
                            submittedAt: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/approaches/assess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Risk level, reasons and advice for answers so far (nothing is stored) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        answers?: {
                            [key: string]: "yes" | "no" | "unsure";
                        };
                        /** @default [] */
                        asked?: ("information" | "data" | "samples" | "visits" | "introductions" | "other")[];
                        /** @enum {string} */
                        channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                        /** @default [] */
                        offered?: ("job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            advice: {
                                en: string;
                                ja: string;
                            }[];
                            firedFlags: string[];
                            /** @enum {string} */
                            level: "low" | "medium" | "high";
                            possibleFlags: string[];
                            reasons: {
                                /** @enum {string} */
                                answer?: "yes" | "unsure";
                                id: string;
                                points: number;
                                text: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            score: number;
                            summary: {
                                en: string;
                                ja: string;
                            };
                        };
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
    "/api/approaches/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People a report can be assigned to (secretariat and admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                department: string | null;
                                displayName: string;
                                id: string;
                            }[];
                        };
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
    "/api/approaches/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clusters: reports by different people linked to the same contact */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "open" | "reviewed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                alert: {
                                    detail: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                };
                                firstAt: string;
                                id: string;
                                lastAt: string;
                                reportCount: number;
                                reporterCount: number;
                                /** @enum {string} */
                                status: "open" | "reviewed";
                                summary: {
                                    channels: {
                                        /** @enum {string} */
                                        channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                        count: number;
                                    }[];
                                    departments: {
                                        count: number;
                                        department: string;
                                    }[];
                                    firstAt: string;
                                    headline: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    } | null;
                                    lastAt: string;
                                    recentReporterCount: number;
                                    reportCount: number;
                                    reporterCount: number;
                                    shared: {
                                        kind: string;
                                        reporterCount: number;
                                        reportIds: string[];
                                        value: string | null;
                                    }[];
                                };
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/approaches/clusters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cluster with its reports and why they are linked */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                detail: {
                                    en: string;
                                    ja: string;
                                };
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            firstAt: string;
                            id: string;
                            lastAt: string;
                            links: {
                                linkedReportId: string;
                                reasons: {
                                    detail?: {
                                        en: string;
                                        ja: string;
                                    };
                                    kind: string;
                                    similarity?: number;
                                    value?: string;
                                }[];
                                reportId: string;
                            }[];
                            reportCount: number;
                            reporterCount: number;
                            reports: {
                                assigneeName: string | null;
                                attachmentCount: number;
                                /** @enum {string} */
                                channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                clusterId: string | null;
                                createdAt: string;
                                department: string | null;
                                firedFlags: string[];
                                id: string;
                                reference: string;
                                reporterName: string | null;
                                /** @enum {string} */
                                riskLevel: "low" | "medium" | "high";
                                senderName: string | null;
                                senderOrganisation: string | null;
                                /** @enum {string} */
                                status: "draft" | "new" | "in_review" | "closed";
                                submittedAt: string | null;
                            }[];
                            /** @enum {string} */
                            status: "open" | "reviewed";
                            summary: {
                                channels: {
                                    /** @enum {string} */
                                    channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                    count: number;
                                }[];
                                departments: {
                                    count: number;
                                    department: string;
                                }[];
                                firstAt: string;
                                headline: {
                                    kind: string;
                                    reporterCount: number;
                                    reportIds: string[];
                                    value: string | null;
                                } | null;
                                lastAt: string;
                                recentReporterCount: number;
                                reportCount: number;
                                reporterCount: number;
                                shared: {
                                    kind: string;
                                    reporterCount: number;
                                    reportIds: string[];
                                    value: string | null;
                                }[];
                            };
                        };
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
    "/api/approaches/clusters/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a cluster reviewed (closes its alert) or open again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "reviewed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alert: {
                                detail: {
                                    en: string;
                                    ja: string;
                                };
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            firstAt: string;
                            id: string;
                            lastAt: string;
                            reportCount: number;
                            reporterCount: number;
                            /** @enum {string} */
                            status: "open" | "reviewed";
                            summary: {
                                channels: {
                                    /** @enum {string} */
                                    channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                    count: number;
                                }[];
                                departments: {
                                    count: number;
                                    department: string;
                                }[];
                                firstAt: string;
                                headline: {
                                    kind: string;
                                    reporterCount: number;
                                    reportIds: string[];
                                    value: string | null;
                                } | null;
                                lastAt: string;
                                recentReporterCount: number;
                                reportCount: number;
                                reporterCount: number;
                                shared: {
                                    kind: string;
                                    reporterCount: number;
                                    reportIds: string[];
                                    value: string | null;
                                }[];
                            };
                        };
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
    "/api/approaches/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My reports (drafts included) */
        get: {
            parameters: {
                query?: {
                    assigneeId?: string;
                    channel?: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                    clusterId?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    riskLevel?: "low" | "medium" | "high";
                    status?: "draft" | "new" | "in_review" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigneeName: string | null;
                                attachmentCount: number;
                                /** @enum {string} */
                                channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                clusterId: string | null;
                                createdAt: string;
                                department: string | null;
                                firedFlags: string[];
                                id: string;
                                reference: string;
                                reporterName: string | null;
                                /** @enum {string} */
                                riskLevel: "low" | "medium" | "high";
                                senderName: string | null;
                                senderOrganisation: string | null;
                                /** @enum {string} */
                                status: "draft" | "new" | "in_review" | "closed";
                                submittedAt: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/approaches/questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report form's choices and the A1–A12 questions, in both languages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asked: {
                                /** @enum {string} */
                                id: "information" | "data" | "samples" | "visits" | "introductions" | "other";
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            attachmentMaxBytes: number;
                            channels: {
                                /** @enum {string} */
                                id: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            offered: {
                                /** @enum {string} */
                                id: "job" | "adviser_role" | "fee" | "travel" | "gifts" | "coauthorship" | "other";
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            outcomes: {
                                /** @enum {string} */
                                id: "no_concern" | "advised_reporter" | "contact_blocked" | "referred_to_police" | "referred_internally" | "other";
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            questions: {
                                example: {
                                    en: string;
                                    ja: string;
                                };
                                flagId: string;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
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
    "/api/approaches/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports by channel, by department and by month (default: the last 12 months) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byChannel: {
                                /** @enum {string} */
                                channel: "professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "other";
                                count: number;
                            }[];
                            byDepartment: {
                                count: number;
                                department: string | null;
                            }[];
                            byMonth: {
                                count: number;
                                high: number;
                                month: string;
                            }[];
                            byRisk: {
                                count: number;
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                            }[];
                            from: string;
                            to: string;
                            total: number;
                        };
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
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries, newest first, filtered */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actorId?: string;
                    beforeId?: number;
                    entityId?: string;
                    entityType?: string;
                    from?: string;
                    limit?: number;
                    text?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actionLabel: {
                                    en: string;
                                    ja: string;
                                };
                                actorId: string | null;
                                actorLabel: string;
                                actorName: {
                                    en: string;
                                    ja: string;
                                };
                                after: unknown;
                                at: string;
                                before: unknown;
                                context: {
                                    [key: string]: unknown;
                                } | null;
                                entityId: string | null;
                                entityLabel: {
                                    en: string;
                                    ja: string;
                                };
                                entityName: {
                                    en: string;
                                    ja: string;
                                } | null;
                                entityType: string;
                                hash: string;
                                id: number;
                            }[];
                            total: number;
                        };
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
    "/api/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action names in the log, each with its label */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entityTypes: {
                                id: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            items: string[];
                            labels: {
                                [key: string]: {
                                    en: string;
                                    ja: string;
                                };
                            };
                        };
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
    "/api/audit/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered log as CSV (UTF-8 with BOM, for Excel) */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actorId?: string;
                    entityId?: string;
                    entityType?: string;
                    from?: string;
                    text?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the hash chain, each row's MAC under the audit key and the signed checkpoints; name rewritten and removed rows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anchor: {
                                checkpointFile: string | null;
                                checkpoints: number;
                                firstSignedId: number | null;
                                /** @enum {string} */
                                key: "ok" | "missing" | "none";
                                keyId: string | null;
                                lastCheckpoint: {
                                    at: string;
                                    id: number;
                                } | null;
                                signedRows: number;
                                unsignedRows: number;
                            };
                            broken?: {
                                detail: string;
                                id: number;
                                messages: {
                                    en: string;
                                    ja: string;
                                };
                                reason: string;
                            };
                            checked: number;
                            headHash: string;
                            headId: number;
                            notes: {
                                en: string;
                                ja: string;
                            }[];
                            ok: boolean;
                            problems: {
                                detail: string;
                                id: number;
                                lastId: number;
                                messages: {
                                    en: string;
                                    ja: string;
                                };
                                reason: string;
                            }[];
                            total: number;
                        };
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
    "/api/auth/locale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Remember the UI language for this user */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        locale: "ja" | "en";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with username and password: sets the session cookie, or asks for the second factor (TOTP) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            roles: {
                                en: string;
                                /** @enum {string} */
                                id: "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";
                                ja: string;
                            }[];
                            secondFactor: {
                                enabled: boolean;
                                enrolmentRequired: boolean;
                                recoveryCodesLeft: number;
                                required: boolean;
                            };
                            user: {
                                createdAt: string;
                                department: string | null;
                                disabled: boolean;
                                displayName: string;
                                email: string | null;
                                id: string;
                                /** @enum {string} */
                                locale: "ja" | "en";
                                lockedUntil: string | null;
                                revealGrantedAt: string | null;
                                roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                scopeDepartments: string[];
                                totpEnabled: boolean;
                                updatedAt: string;
                                username: string;
                            };
                        } | {
                            challenge: string;
                            expiresAt: string;
                            /** @enum {boolean} */
                            secondFactorRequired: true;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                fields?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                fields?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                            };
                        };
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
    "/api/auth/login/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Second step of a login: the 6-digit code from the authenticator app, or a one-time recovery code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            roles: {
                                en: string;
                                /** @enum {string} */
                                id: "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";
                                ja: string;
                            }[];
                            secondFactor: {
                                enabled: boolean;
                                enrolmentRequired: boolean;
                                recoveryCodesLeft: number;
                                required: boolean;
                            };
                            user: {
                                createdAt: string;
                                department: string | null;
                                disabled: boolean;
                                displayName: string;
                                email: string | null;
                                id: string;
                                /** @enum {string} */
                                locale: "ja" | "en";
                                lockedUntil: string | null;
                                revealGrantedAt: string | null;
                                roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                scopeDepartments: string[];
                                totpEnabled: boolean;
                                updatedAt: string;
                                username: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                fields?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                fields?: {
                                    message: string;
                                    path: string;
                                }[];
                                message: string;
                            };
                        };
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
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the logged-in user, on all devices */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one's own password (other sessions end) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            roles: {
                                en: string;
                                /** @enum {string} */
                                id: "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";
                                ja: string;
                            }[];
                            secondFactor: {
                                enabled: boolean;
                                enrolmentRequired: boolean;
                                recoveryCodesLeft: number;
                                required: boolean;
                            };
                            user: {
                                createdAt: string;
                                department: string | null;
                                disabled: boolean;
                                displayName: string;
                                email: string | null;
                                id: string;
                                /** @enum {string} */
                                locale: "ja" | "en";
                                lockedUntil: string | null;
                                revealGrantedAt: string | null;
                                roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                scopeDepartments: string[];
                                totpEnabled: boolean;
                                updatedAt: string;
                                username: string;
                            };
                        };
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
    "/api/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator app with a code it shows: two-step login is on, other sessions end, recovery codes are returned once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
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
    "/api/auth/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch two-step login off (not for roles that require it); needs the password and a code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/totp/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New recovery codes (the old ones stop working); needs a current code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
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
    "/api/auth/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start setting up an authenticator app: a new secret with its otpauth:// URI and QR code (SVG). Replacing a working one needs its current code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            qrSvg: string;
                            secret: string;
                            uri: string;
                        };
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
    "/api/auth/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session if there is one, else `{ session: null }` — for the web app's first look (200, not 401, so a browser logs no error on the login page) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            session: {
                                csrfToken: string;
                                roles: {
                                    en: string;
                                    /** @enum {string} */
                                    id: "applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin";
                                    ja: string;
                                }[];
                                secondFactor: {
                                    enabled: boolean;
                                    enrolmentRequired: boolean;
                                    recoveryCodesLeft: number;
                                    required: boolean;
                                };
                                user: {
                                    createdAt: string;
                                    department: string | null;
                                    disabled: boolean;
                                    displayName: string;
                                    email: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    locale: "ja" | "en";
                                    lockedUntil: string | null;
                                    revealGrantedAt: string | null;
                                    roles: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                    scopeDepartments: string[];
                                    totpEnabled: boolean;
                                    updatedAt: string;
                                    username: string;
                                };
                            } | null;
                        };
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
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case library (drafts only for the security office and admins) */
        get: {
            parameters: {
                query?: {
                    flag?: string;
                    includeDrafts?: "true" | "false";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channels: string[];
                                id: string;
                                period: string;
                                redFlags: string[];
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "published";
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a case (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            channels: ("professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "cyber" | "insider" | "acquisition" | "export_evasion" | "reverse_engineering" | "identity_fraud" | "other")[];
                            countermeasures: {
                                en: string;
                                ja: string;
                            }[];
                            editorialNote?: {
                                en: string;
                                ja: string;
                            };
                            method: {
                                en: string;
                                ja: string;
                            }[];
                            outcome: {
                                en: string;
                                ja: string;
                            };
                            period: string;
                            redFlags: string[];
                            sector: {
                                en: string;
                                ja: string;
                            };
                            sources: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            summary: {
                                en: string;
                                ja: string;
                            };
                            timeline: {
                                date: string;
                                text: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            title: {
                                en: string;
                                ja: string;
                            };
                        };
                        slug: string;
                        /** @enum {string} */
                        status: "draft" | "published";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtIn: boolean;
                            content: {
                                channels: ("professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "cyber" | "insider" | "acquisition" | "export_evasion" | "reverse_engineering" | "identity_fraud" | "other")[];
                                countermeasures: {
                                    en: string;
                                    ja: string;
                                }[];
                                editorialNote?: {
                                    en: string;
                                    ja: string;
                                };
                                method: {
                                    en: string;
                                    ja: string;
                                }[];
                                outcome: {
                                    en: string;
                                    ja: string;
                                };
                                period: string;
                                redFlags: string[];
                                sector: {
                                    en: string;
                                    ja: string;
                                };
                                sources: {
                                    date: string;
                                    publisher: string;
                                    title: string;
                                    url?: string;
                                }[];
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                timeline: {
                                    date: string;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            createdAt: string;
                            flags: {
                                id: string;
                                module: string | null;
                                title: {
                                    en: string;
                                    ja: string;
                                } | null;
                            }[];
                            id: string;
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            trainings: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edit a case (admins); `version` must be the one last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            channels: ("professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "cyber" | "insider" | "acquisition" | "export_evasion" | "reverse_engineering" | "identity_fraud" | "other")[];
                            countermeasures: {
                                en: string;
                                ja: string;
                            }[];
                            editorialNote?: {
                                en: string;
                                ja: string;
                            };
                            method: {
                                en: string;
                                ja: string;
                            }[];
                            outcome: {
                                en: string;
                                ja: string;
                            };
                            period: string;
                            redFlags: string[];
                            sector: {
                                en: string;
                                ja: string;
                            };
                            sources: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            summary: {
                                en: string;
                                ja: string;
                            };
                            timeline: {
                                date: string;
                                text: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            title: {
                                en: string;
                                ja: string;
                            };
                        };
                        slug: string;
                        /** @enum {string} */
                        status: "draft" | "published";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtIn: boolean;
                            content: {
                                channels: ("professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "cyber" | "insider" | "acquisition" | "export_evasion" | "reverse_engineering" | "identity_fraud" | "other")[];
                                countermeasures: {
                                    en: string;
                                    ja: string;
                                }[];
                                editorialNote?: {
                                    en: string;
                                    ja: string;
                                };
                                method: {
                                    en: string;
                                    ja: string;
                                }[];
                                outcome: {
                                    en: string;
                                    ja: string;
                                };
                                period: string;
                                redFlags: string[];
                                sector: {
                                    en: string;
                                    ja: string;
                                };
                                sources: {
                                    date: string;
                                    publisher: string;
                                    title: string;
                                    url?: string;
                                }[];
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                timeline: {
                                    date: string;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            createdAt: string;
                            flags: {
                                id: string;
                                module: string | null;
                                title: {
                                    en: string;
                                    ja: string;
                                } | null;
                            }[];
                            id: string;
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            trainings: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case, by id or slug */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtIn: boolean;
                            content: {
                                channels: ("professional_network" | "email" | "conference" | "in_person" | "embassy_or_trade_mission" | "headhunter" | "expert_interview" | "research_or_investment_proposal" | "cyber" | "insider" | "acquisition" | "export_evasion" | "reverse_engineering" | "identity_fraud" | "other")[];
                                countermeasures: {
                                    en: string;
                                    ja: string;
                                }[];
                                editorialNote?: {
                                    en: string;
                                    ja: string;
                                };
                                method: {
                                    en: string;
                                    ja: string;
                                }[];
                                outcome: {
                                    en: string;
                                    ja: string;
                                };
                                period: string;
                                redFlags: string[];
                                sector: {
                                    en: string;
                                    ja: string;
                                };
                                sources: {
                                    date: string;
                                    publisher: string;
                                    title: string;
                                    url?: string;
                                }[];
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                timeline: {
                                    date: string;
                                    text: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            createdAt: string;
                            flags: {
                                id: string;
                                module: string | null;
                                title: {
                                    en: string;
                                    ja: string;
                                } | null;
                            }[];
                            id: string;
                            slug: string;
                            /** @enum {string} */
                            status: "draft" | "published";
                            trainings: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/cases/{key}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed the case and how */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorLabel: string;
                                after: unknown;
                                at: string;
                                before: unknown;
                                id: number;
                            }[];
                            total: number;
                        };
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
    "/api/cases/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published cases sharing the given red flags, most shared first (e.g. ?flags=A1,R-LIST-HIT,I-USB-VOLUME) */
        get: {
            parameters: {
                query?: {
                    flags?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flags: string[];
                            items: {
                                id: string;
                                overlap: number;
                                period: string;
                                redFlags: string[];
                                score: number;
                                sharedFlags: string[];
                                slug: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
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
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The office's numbers (each with the link to its filtered list) and the last 30 days' daily trends */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            generatedAt: string;
                            sections: {
                                key: string;
                                tiles: {
                                    detail: {
                                        en: string;
                                        ja: string;
                                    } | null;
                                    key: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    link: string;
                                    /** @enum {string} */
                                    tone: "neutral" | "attention" | "danger";
                                    value: number;
                                }[];
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            timeZone: string;
                            today: string;
                            trends: {
                                days: string[];
                                series: {
                                    key: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    values: number[];
                                }[];
                            };
                        };
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
    "/api/directory/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview or apply an HR / 学務 CSV (UTF-8 or Shift_JIS, base64); any bad row refuses the whole file */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        /**
                         * @default auto
                         * @enum {string}
                         */
                        encoding?: "auto" | "utf8" | "shift_jis";
                        fileName: string;
                        /** @default false */
                        full?: boolean;
                        /** @enum {string} */
                        mode: "preview" | "apply";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                [key: string]: number;
                            };
                            encoding?: string;
                            events: {
                                [key: string]: unknown;
                            }[];
                            ignoredColumns?: string[];
                            /** @enum {string} */
                            mode: "preview" | "apply";
                            /** @enum {string} */
                            source: "scim" | "ldap" | "csv";
                            syncId: string;
                        };
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
    "/api/directory/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People in the directory (active and deactivated) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
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
    "/api/directory/scim-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM bearer tokens (hashes are never shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                createdBy: string;
                                id: string;
                                label: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create or rotate a SCIM bearer token for a label (older tokens of the label are revoked); shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            label: string;
                            revoked: number;
                            token: string;
                        };
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
    "/api/directory/scim-tokens/{label}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke the SCIM tokens of a label */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    label: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/directory/syncs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent directory syncs, previews and refused imports (SCIM, LDAP, HR CSV) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
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
    "/api/export/assignable-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active users who can own an approval condition or a licence (name and roles only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                displayName: string;
                                id: string;
                                roles: string[];
                            }[];
                        };
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
    "/api/export/country-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The country-group table in force (別表第3・第3の2・第4, dated editions with sources) and past imports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Import and activate a new country-group table (JSON, format sekimori.country-groups/1) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        note?: string | null;
                        table: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/country-groups/built-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Go back to the built-in country-group table */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/country-groups/lookup/{country}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which groups a country is in on a date (default today) */
        get: {
            parameters: {
                query?: {
                    date?: string;
                };
                header?: never;
                path: {
                    country: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/export/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The item master (品目マスタ) */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    recheckDue?: boolean;
                    status?: "active" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Add an item with its 該非判定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decidedOn: string;
                        /** @default  */
                        description?: string;
                        /** @default null */
                        hsCode?: string | null;
                        judgement: {
                            /** @default null */
                            catchAllCategory?: ("16-1" | "16-2" | "outside") | null;
                            /** @default [] */
                            exceptions?: {
                                basis: string;
                                /** @enum {string} */
                                code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                /** @default null */
                                use?: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                            }[];
                            /** @default null */
                            item?: string | null;
                            listStatus: ("listed" | "not_listed") | null;
                            /** @default null */
                            provision?: {
                                article: number;
                                /** @default null */
                                item?: number | null;
                                /** @enum {string} */
                                ordinance: "goods_ordinance" | "trade_ordinance";
                                /** @default null */
                                paragraph?: number | null;
                                /** @default null */
                                sub?: string | null;
                            } | null;
                            /** @default null */
                            subItem?: string | null;
                        };
                        /** @enum {string} */
                        kind: "goods" | "technology";
                        /** @default null */
                        maker?: string | null;
                        /** @default null */
                        modelNumber?: string | null;
                        name: string;
                        rationale: string;
                        /** @default null */
                        recheckOn?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Change an item's 判定 (a new decision by the caller); `version` as last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decidedOn: string;
                        /** @default  */
                        description?: string;
                        /** @default null */
                        hsCode?: string | null;
                        judgement: {
                            /** @default null */
                            catchAllCategory?: ("16-1" | "16-2" | "outside") | null;
                            /** @default [] */
                            exceptions?: {
                                basis: string;
                                /** @enum {string} */
                                code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                /** @default null */
                                use?: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                            }[];
                            /** @default null */
                            item?: string | null;
                            listStatus: ("listed" | "not_listed") | null;
                            /** @default null */
                            provision?: {
                                article: number;
                                /** @default null */
                                item?: number | null;
                                /** @enum {string} */
                                ordinance: "goods_ordinance" | "trade_ordinance";
                                /** @default null */
                                paragraph?: number | null;
                                /** @default null */
                                sub?: string | null;
                            } | null;
                            /** @default null */
                            subItem?: string | null;
                        };
                        /** @enum {string} */
                        kind: "goods" | "technology";
                        /** @default null */
                        maker?: string | null;
                        /** @default null */
                        modelNumber?: string | null;
                        name: string;
                        rationale: string;
                        /** @default null */
                        recheckOn?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/items/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a basis document (parameter sheet, maker's 該非判定書 …) as multipart/form-data */
        post: {
            parameters: {
                query: {
                    kind: "parameter_sheet" | "maker_determination" | "specification" | "other";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/items/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a basis document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a basis document */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attachmentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/items/{id}/documents/{document}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PDF: 該非判定書 (determination) or 非該当証明書 (non_applicability, non-listed items only) */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    document: "determination" | "non_applicability";
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/export/items/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive or restore an item */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "active" | "archived";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/licences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The licence register with quantity and value used, and expiry state */
        get: {
            parameters: {
                query?: {
                    status?: "applying" | "valid" | "refused" | "withdrawn" | "revoked";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Register a licence or an application in progress */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        appliedOn?: string | null;
                        /** @default  */
                        conditions?: string;
                        /** @default [] */
                        destinations?: string[];
                        holder: string;
                        /** @default null */
                        issuedOn?: string | null;
                        /** @default [] */
                        items?: {
                            /** @default  */
                            description?: string;
                            /** @default null */
                            itemId?: string | null;
                            /** @default null */
                            listedItem?: string | null;
                        }[];
                        /** @enum {string} */
                        kind: "individual" | "general_bulk" | "special_general_bulk" | "specific_bulk" | "specific_subsidiary_bulk" | "special_return_bulk";
                        /** @default null */
                        licenceNumber?: string | null;
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        quantityLimit?: number | null;
                        /** @default null */
                        quantityUnit?: string | null;
                        /** @default null */
                        responsibleUserId?: string | null;
                        /** @enum {string} */
                        status: "applying" | "valid" | "refused" | "withdrawn" | "revoked";
                        /** @default null */
                        validFrom?: string | null;
                        /** @default null */
                        validUntil?: string | null;
                        /** @default null */
                        valueLimitJpy?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/licences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One licence with its use and linked reviews */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Update a licence (e.g. granted, renewed); `version` as last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        appliedOn?: string | null;
                        /** @default  */
                        conditions?: string;
                        /** @default [] */
                        destinations?: string[];
                        holder: string;
                        /** @default null */
                        issuedOn?: string | null;
                        /** @default [] */
                        items?: {
                            /** @default  */
                            description?: string;
                            /** @default null */
                            itemId?: string | null;
                            /** @default null */
                            listedItem?: string | null;
                        }[];
                        /** @enum {string} */
                        kind: "individual" | "general_bulk" | "special_general_bulk" | "specific_bulk" | "specific_subsidiary_bulk" | "special_return_bulk";
                        /** @default null */
                        licenceNumber?: string | null;
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        quantityLimit?: number | null;
                        /** @default null */
                        quantityUnit?: string | null;
                        /** @default null */
                        responsibleUserId?: string | null;
                        /** @enum {string} */
                        status: "applying" | "valid" | "refused" | "withdrawn" | "revoked";
                        /** @default null */
                        validFrom?: string | null;
                        /** @default null */
                        validUntil?: string | null;
                        /** @default null */
                        valueLimitJpy?: number | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/licences/{id}/usages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a shipment or provision under the licence (quantity, value) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        destinationCountry?: string | null;
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        quantity?: number | null;
                        /** @default null */
                        reviewId?: string | null;
                        usedOn: string;
                        /** @default null */
                        valueJpy?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/provisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The technology-provision log across reviews */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/export/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rules and their sources: catch-all tables, exceptions, item kinds, licence kinds, labels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
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
    "/api/export/self-inspections/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fiscal year's self-inspection (checklist, answers, evidence) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Save answers (merged with those already saved) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers: {
                            [key: string]: {
                                /** @enum {string} */
                                answer: "yes" | "no" | "na";
                                /** @default  */
                                evidence?: string;
                                /** @default  */
                                note?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/self-inspections/{year}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the year's self-inspection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/self-inspections/{year}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach an evidence file to a question (multipart/form-data) */
        post: {
            parameters: {
                query: {
                    question: string;
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/export/self-inspections/{year}/evidence/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    fileId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/export/self-inspections/{year}/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year's review statistics: JSON, CSV (?format=csv) or PDF (?format=pdf) */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv" | "pdf";
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/hand-carry/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record whether a carried item came back (returned, used up, left abroad, lost) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        note?: string | null;
                        /** @default null */
                        returnedOn?: string | null;
                        /** @enum {string} */
                        status: "returned" | "consumed" | "left_abroad" | "lost";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                checkedBy: string | null;
                                description: string;
                                id: string;
                                itemId: string | null;
                                itemName: string | null;
                                itemRef: string | null;
                                kind: string;
                                outOn: string;
                                overdue: boolean;
                                returnDueOn: string;
                                returnedOn: string | null;
                                returnNote: string | null;
                                returnStatus: string;
                            }[];
                        };
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
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and readiness (answers once migrations are done) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            database: "pglite" | "postgres";
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                        };
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
    "/api/insider/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, highest risk first (people by pseudonym) */
        get: {
            parameters: {
                query?: {
                    case?: number;
                    page?: number;
                    pageSize?: number;
                    pseudonym?: string;
                    severity?: "low" | "medium" | "high" | "critical";
                    status?: string;
                    subjectId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                anomaly: number;
                                cases: number[];
                                createdAt: string;
                                department: string | null;
                                evidenceCount: number;
                                firstDay: string;
                                id: string;
                                lastDay: string;
                                pseudonym: string;
                                redFlags: string[];
                                role: string | null;
                                score: number;
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                /** @enum {string} */
                                status: "new" | "reviewing" | "confirmed" | "non_issue";
                                subjectId: string;
                                topIndicators: {
                                    id: string;
                                    weight: number;
                                }[];
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/insider/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert: indicators with weights, cases, evidence timeline (masked), history */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anomaly: number;
                            caseLabels: {
                                case: number;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            cases: number[];
                            createdAt: string;
                            department: string | null;
                            evidence: {
                                action: string;
                                assetId: string | null;
                                at: string;
                                attachments: string[];
                                bytes: number;
                                host: string;
                                hostContext: string;
                                indicators: string[];
                                kind: string;
                                object: string;
                                recipients: string[];
                                seq: number;
                                source: {
                                    file: string;
                                    id: string;
                                    line: number;
                                };
                            }[];
                            evidenceCount: number;
                            firstDay: string;
                            history: {
                                action: string;
                                actorLabel: string;
                                after: unknown;
                                at: string;
                                id: number;
                            }[];
                            id: string;
                            indicators: {
                                baseWeight: number;
                                cases: number[];
                                count: number;
                                explanation: {
                                    en: string;
                                    ja: string;
                                };
                                firstDay: string;
                                id: string;
                                kind: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                lastDay: string;
                                weight: number;
                            }[];
                            lastDay: string;
                            pseudonym: string;
                            redFlags: string[];
                            role: string | null;
                            score: number;
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /** @enum {string} */
                            status: "new" | "reviewing" | "confirmed" | "non_issue";
                            subjectId: string;
                            topIndicators: {
                                id: string;
                                weight: number;
                            }[];
                            triagedAt: string | null;
                            triageNote: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/insider/alerts/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal the person and unmasked evidence of an alert (written reason required; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evidence: {
                                action: string;
                                assetId: string | null;
                                at: string;
                                attachments: string[];
                                bytes: number;
                                host: string;
                                hostContext: string;
                                indicators: string[];
                                kind: string;
                                object: string;
                                recipients: string[];
                                seq: number;
                                source: {
                                    file: string;
                                    id: string;
                                    line: number;
                                };
                            }[];
                            identity: {
                                department: string | null;
                                email: string | null;
                                name: string | null;
                                projects: string[];
                                pseudonym: string;
                                role: string | null;
                                subjectId: string;
                                subjectKey: string;
                                supervisor: {
                                    name: string | null;
                                    pseudonym: string;
                                } | null;
                                team: string | null;
                            };
                        };
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
    "/api/insider/alerts/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person against their own baseline and their peers, around the alert */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerted: boolean[];
                            baseline: number[][];
                            days: string[];
                            features: {
                                index: number;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                name: string;
                            }[];
                            peerCounts: number[];
                            peerGroup: {
                                department: string | null;
                                role: string | null;
                            };
                            peers: (number | null)[][];
                            scores: number[];
                            subject: {
                                department: string | null;
                                id: string;
                                pseudonym: string;
                                role: string | null;
                            };
                            user: number[][];
                        };
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
    "/api/insider/alerts/{id}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Triage: new → reviewing → confirmed / non-issue (a note is required for a decision) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string | null;
                        /** @enum {string} */
                        status: "new" | "reviewing" | "confirmed" | "non_issue";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            anomaly: number;
                            cases: number[];
                            createdAt: string;
                            department: string | null;
                            evidenceCount: number;
                            firstDay: string;
                            id: string;
                            lastDay: string;
                            pseudonym: string;
                            redFlags: string[];
                            role: string | null;
                            score: number;
                            /** @enum {string} */
                            severity: "low" | "medium" | "high" | "critical";
                            /** @enum {string} */
                            status: "new" | "reviewing" | "confirmed" | "non_issue";
                            subjectId: string;
                            topIndicators: {
                                id: string;
                                weight: number;
                            }[];
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/insider/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The confidential-asset registry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                allowedDomains: string[];
                                allowedRoles: string[];
                                id: string;
                                /** @enum {string} */
                                kind: "server" | "path" | "repository" | "url";
                                name: string;
                                pattern: string;
                                projects: string[];
                            }[];
                        };
                    };
                };
            };
        };
        /** Replace the confidential-asset registry */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assets: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                allowedDomains: string[];
                                allowedRoles: string[];
                                id: string;
                                /** @enum {string} */
                                kind: "server" | "path" | "repository" | "url";
                                name: string;
                                pattern: string;
                                projects: string[];
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insider/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open alerts by severity, alerts per day, top indicators, top alerts, data range, last ingestion */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertsPerDay: {
                                critical: number;
                                day: string;
                                high: number;
                                low: number;
                                medium: number;
                            }[];
                            byStatus: {
                                confirmed: number;
                                new: number;
                                non_issue: number;
                                reviewing: number;
                            };
                            data: {
                                firstDay: string | null;
                                lastDay: string | null;
                                userDays: number;
                            };
                            lastRun: {
                                actorLabel: string;
                                finishedAt: string | null;
                                id: string;
                                kind: string;
                                problems: {
                                    file: string;
                                    line: number;
                                    reason: string;
                                }[];
                                source: string;
                                startedAt: string;
                                stats: {
                                    [key: string]: unknown;
                                };
                                status: string;
                            } | null;
                            openBySeverity: {
                                critical: number;
                                high: number;
                                low: number;
                                medium: number;
                            };
                            topAlerts: {
                                anomaly: number;
                                cases: number[];
                                createdAt: string;
                                department: string | null;
                                evidenceCount: number;
                                firstDay: string;
                                id: string;
                                lastDay: string;
                                pseudonym: string;
                                redFlags: string[];
                                role: string | null;
                                score: number;
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                /** @enum {string} */
                                status: "new" | "reviewing" | "confirmed" | "non_issue";
                                subjectId: string;
                                topIndicators: {
                                    id: string;
                                    weight: number;
                                }[];
                                updatedAt: string;
                                version: number;
                            }[];
                            topIndicators: {
                                alerts: number;
                                id: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
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
    "/api/insider/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Merge HR/directory rows (user_id, name, email, role, projects, department, supervisor_id, start/end/notice dates, watchlists, hosts) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            [key: string]: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            updated: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/insider/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The indicator catalogue (stable I- ids, labels, weights, cases) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                case: number;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            items: {
                                cases: number[];
                                explanation: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                kind: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                weight: number;
                            }[];
                        };
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
    "/api/insider/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Batch ingestion of JSON lines (Content-Type: application/x-ndjson); idempotent per source and event id */
        post: {
            parameters: {
                query?: {
                    final?: "true" | "false";
                    format?: "jsonl" | "ecs";
                    source?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertsNew: number;
                            alertsUpdated: number;
                            duplicates: number;
                            events: number;
                            files: {
                                events: number;
                                file: string;
                                kind: string;
                                malformed: number;
                                rows: number;
                                skipped: number;
                            }[];
                            late: number;
                            malformed: number;
                            missingDisconnects: number;
                            notes: string[];
                            problems: {
                                file: string;
                                line: number;
                                reason: string;
                            }[];
                            reordered: number;
                            runId: string;
                            unknownUsers: number;
                            userDays: number;
                        };
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
    "/api/insider/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ingestion runs with their counts and malformed rows (file and line) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actorLabel: string;
                                finishedAt: string | null;
                                id: string;
                                kind: string;
                                problems: {
                                    file: string;
                                    line: number;
                                    reason: string;
                                }[];
                                source: string;
                                startedAt: string;
                                stats: {
                                    [key: string]: unknown;
                                };
                                status: string;
                            }[];
                        };
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
    "/api/insider/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People and accounts by pseudonym, highest open risk first */
        get: {
            parameters: {
                query?: {
                    department?: string;
                    page?: number;
                    pageSize?: number;
                    pseudonym?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                alerts: number;
                                department: string | null;
                                id: string;
                                inDirectory: boolean;
                                openAlerts: number;
                                openRisk: number;
                                pseudonym: string;
                                role: string | null;
                                watchlists: string[];
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/insider/subjects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** User risk page: alerts and daily risk (pseudonymised) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                anomaly: number;
                                cases: number[];
                                createdAt: string;
                                department: string | null;
                                evidenceCount: number;
                                firstDay: string;
                                id: string;
                                lastDay: string;
                                pseudonym: string;
                                redFlags: string[];
                                role: string | null;
                                score: number;
                                /** @enum {string} */
                                severity: "low" | "medium" | "high" | "critical";
                                /** @enum {string} */
                                status: "new" | "reviewing" | "confirmed" | "non_issue";
                                subjectId: string;
                                topIndicators: {
                                    id: string;
                                    weight: number;
                                }[];
                                updatedAt: string;
                                version: number;
                            }[];
                            daily: {
                                alerted: boolean;
                                anomaly: number;
                                day: string;
                                indicators: string[];
                                score: number;
                            }[];
                            department: string | null;
                            id: string;
                            inDirectory: boolean;
                            openRisk: number;
                            projects: number;
                            pseudonym: string;
                            role: string | null;
                            severity: ("low" | "medium" | "high" | "critical") | null;
                            watchlists: string[];
                        };
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
    "/api/insider/subjects/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal who is behind a pseudonym (written reason required; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            department: string | null;
                            email: string | null;
                            name: string | null;
                            projects: string[];
                            pseudonym: string;
                            role: string | null;
                            subjectId: string;
                            subjectKey: string;
                            supervisor: {
                                name: string | null;
                                pseudonym: string;
                            } | null;
                            team: string | null;
                        };
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
    "/api/insider/subjects/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person against their baseline and peers over a period (default: the last 90 days of data) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerted: boolean[];
                            baseline: number[][];
                            days: string[];
                            features: {
                                index: number;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                name: string;
                            }[];
                            peerCounts: number[];
                            peerGroup: {
                                department: string | null;
                                role: string | null;
                            };
                            peers: (number | null)[][];
                            scores: number[];
                            subject: {
                                department: string | null;
                                id: string;
                                pseudonym: string;
                                role: string | null;
                            };
                            user: number[][];
                        };
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
    "/api/insider/watchlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put an account on an insider watchlist (departing, new_hire, contractor, intern, privileged, remote_identity) — for directory sync, hiring reviews and HR */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        from?: string | null;
                        list: string;
                        /** @default  */
                        reason?: string;
                        source: string;
                        to?: string | null;
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string | null;
                            list: string;
                            reason: string;
                            source: string;
                            to: string | null;
                            userId: string;
                        };
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
    "/api/lists/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One list entry with its snapshot */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addresses?: string[];
                            birthDates: string[];
                            contentHash: string;
                            countries: string[];
                            details?: {
                                [key: string]: string | string[];
                            };
                            id: string;
                            identifiers: {
                                scheme: string;
                                value: string;
                            }[];
                            listedOn?: string;
                            names: {
                                /** @enum {string} */
                                kind: "primary" | "alias" | "weakAlias" | "former" | "originalScript";
                                lang?: string;
                                name: string;
                            }[];
                            position: number;
                            programs: string[];
                            remarks?: string;
                            /** @enum {string} */
                            schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                            snapshot: {
                                activatedAt: string | null;
                                byteSize: number;
                                entitiesPruned: boolean;
                                entityCount: number;
                                error: string | null;
                                fileNames: string[];
                                finishedAt: string | null;
                                format: string;
                                id: string;
                                importedBy: string;
                                nameCount: number;
                                sample: boolean;
                                schemaCounts: {
                                    [key: string]: number;
                                };
                                sha256: string;
                                source: string;
                                startedAt: string;
                                /** @enum {string} */
                                status: "loading" | "active" | "superseded" | "failed";
                                supersededAt: string | null;
                                version: number;
                            };
                            snapshotId: string;
                            source: string;
                            sourceId: string;
                        };
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
    "/api/lists/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List file formats that can be imported */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            encodings: string[];
                            items: {
                                description: {
                                    en: string;
                                    ja: string;
                                };
                                format: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
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
    "/api/lists/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import list file(s) as a new snapshot: multipart/form-data with fields `format`, optional `source` and `encoding`, and one or more `file` parts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            byteSize: number;
                            entitiesPruned: boolean;
                            entityCount: number;
                            error: string | null;
                            fileNames: string[];
                            finishedAt: string | null;
                            format: string;
                            id: string;
                            importedBy: string;
                            nameCount: number;
                            sample: boolean;
                            schemaCounts: {
                                [key: string]: number;
                            };
                            sha256: string;
                            source: string;
                            startedAt: string;
                            /** @enum {string} */
                            status: "loading" | "active" | "superseded" | "failed";
                            supersededAt: string | null;
                            version: number;
                        };
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
    "/api/lists/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every list's name, and whether its active snapshot is a demo sample (results from it must say so) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                sample: boolean;
                            }[];
                        };
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
    "/api/lists/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Snapshots (imports) of the lists, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    source?: string;
                    status?: "loading" | "active" | "superseded" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activatedAt: string | null;
                                byteSize: number;
                                entitiesPruned: boolean;
                                entityCount: number;
                                error: string | null;
                                fileNames: string[];
                                finishedAt: string | null;
                                format: string;
                                id: string;
                                importedBy: string;
                                nameCount: number;
                                sample: boolean;
                                schemaCounts: {
                                    [key: string]: number;
                                };
                                sha256: string;
                                source: string;
                                startedAt: string;
                                /** @enum {string} */
                                status: "loading" | "active" | "superseded" | "failed";
                                supersededAt: string | null;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/lists/snapshots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One snapshot */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            byteSize: number;
                            entitiesPruned: boolean;
                            entityCount: number;
                            error: string | null;
                            fileNames: string[];
                            finishedAt: string | null;
                            format: string;
                            id: string;
                            importedBy: string;
                            nameCount: number;
                            sample: boolean;
                            schemaCounts: {
                                [key: string]: number;
                            };
                            sha256: string;
                            source: string;
                            startedAt: string;
                            /** @enum {string} */
                            status: "loading" | "active" | "superseded" | "failed";
                            supersededAt: string | null;
                            version: number;
                        };
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
    "/api/lists/snapshots/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Source ids added, changed or removed since another snapshot (`from`) */
        get: {
            parameters: {
                query: {
                    from: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: string[];
                            changed: string[];
                            from: {
                                activatedAt: string | null;
                                byteSize: number;
                                entitiesPruned: boolean;
                                entityCount: number;
                                error: string | null;
                                fileNames: string[];
                                finishedAt: string | null;
                                format: string;
                                id: string;
                                importedBy: string;
                                nameCount: number;
                                sample: boolean;
                                schemaCounts: {
                                    [key: string]: number;
                                };
                                sha256: string;
                                source: string;
                                startedAt: string;
                                /** @enum {string} */
                                status: "loading" | "active" | "superseded" | "failed";
                                supersededAt: string | null;
                                version: number;
                            };
                            removed: string[];
                            to: {
                                activatedAt: string | null;
                                byteSize: number;
                                entitiesPruned: boolean;
                                entityCount: number;
                                error: string | null;
                                fileNames: string[];
                                finishedAt: string | null;
                                format: string;
                                id: string;
                                importedBy: string;
                                nameCount: number;
                                sample: boolean;
                                schemaCounts: {
                                    [key: string]: number;
                                };
                                sha256: string;
                                source: string;
                                startedAt: string;
                                /** @enum {string} */
                                status: "loading" | "active" | "superseded" | "failed";
                                supersededAt: string | null;
                                version: number;
                            };
                        };
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
    "/api/lists/snapshots/{id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries of a snapshot, searchable by name or identifier */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                addresses?: string[];
                                birthDates: string[];
                                contentHash: string;
                                countries: string[];
                                details?: {
                                    [key: string]: string | string[];
                                };
                                id: string;
                                identifiers: {
                                    scheme: string;
                                    value: string;
                                }[];
                                listedOn?: string;
                                names: {
                                    /** @enum {string} */
                                    kind: "primary" | "alias" | "weakAlias" | "former" | "originalScript";
                                    lang?: string;
                                    name: string;
                                }[];
                                position: number;
                                programs: string[];
                                remarks?: string;
                                /** @enum {string} */
                                schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                snapshotId: string;
                                source: string;
                                sourceId: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/lists/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lists with their active snapshot (counts, dates) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: {
                                    activatedAt: string | null;
                                    byteSize: number;
                                    entitiesPruned: boolean;
                                    entityCount: number;
                                    error: string | null;
                                    fileNames: string[];
                                    finishedAt: string | null;
                                    format: string;
                                    id: string;
                                    importedBy: string;
                                    nameCount: number;
                                    sample: boolean;
                                    schemaCounts: {
                                        [key: string]: number;
                                    };
                                    sha256: string;
                                    source: string;
                                    startedAt: string;
                                    /** @enum {string} */
                                    status: "loading" | "active" | "superseded" | "failed";
                                    supersededAt: string | null;
                                    version: number;
                                } | null;
                                format: string;
                                id: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                updatedAt: string;
                            }[];
                        };
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
    "/api/organisation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's settings (time zone for times in the UI, PDFs and CSVs) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            timeZone: string;
                        };
                    };
                };
            };
        };
        /** Change the organisation's settings (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            timeZone: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation/time-zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time-zone names this server knows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: string[];
                        };
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
    "/api/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search parties by any name (substring or similar spelling), in any script */
        get: {
            parameters: {
                query?: {
                    country?: string;
                    includeArchived?: "true" | "false";
                    kind?: "organization" | "person";
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                archived: boolean;
                                archivedAt: string | null;
                                birthDate: string | null;
                                country: string | null;
                                createdAt: string;
                                id: string;
                                identifiers: {
                                    scheme: string;
                                    value: string;
                                }[];
                                /** @enum {string} */
                                kind: "organization" | "person";
                                mergedInto: string | null;
                                names: {
                                    /** @enum {string} */
                                    kind: "primary" | "alias" | "former" | "transliteration";
                                    lang: string | null;
                                    name: string;
                                    script: string;
                                }[];
                                notes: string | null;
                                primaryName: string;
                                tags: string[];
                                updatedAt: string;
                                version: number;
                                website: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a party */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthDate?: string | null;
                        country?: string | null;
                        identifiers?: {
                            /** @enum {string} */
                            scheme: "corporate_number" | "orcid" | "lei" | "duns" | "erad_researcher_number" | "passport" | "email" | "other";
                            value: string;
                        }[];
                        /** @enum {string} */
                        kind: "organization" | "person";
                        names: {
                            /** @enum {string} */
                            kind?: "primary" | "alias" | "former" | "transliteration";
                            lang?: string | null;
                            name: string;
                        }[];
                        notes?: string | null;
                        tags?: string[];
                        website?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            birthDate: string | null;
                            country: string | null;
                            createdAt: string;
                            id: string;
                            identifiers: {
                                scheme: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            kind: "organization" | "person";
                            mergedInto: string | null;
                            names: {
                                /** @enum {string} */
                                kind: "primary" | "alias" | "former" | "transliteration";
                                lang: string | null;
                                name: string;
                                script: string;
                            }[];
                            notes: string | null;
                            primaryName: string;
                            tags: string[];
                            updatedAt: string;
                            version: number;
                            website: string | null;
                        };
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
    "/api/parties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One party */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            birthDate: string | null;
                            country: string | null;
                            createdAt: string;
                            id: string;
                            identifiers: {
                                scheme: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            kind: "organization" | "person";
                            mergedInto: string | null;
                            names: {
                                /** @enum {string} */
                                kind: "primary" | "alias" | "former" | "transliteration";
                                lang: string | null;
                                name: string;
                                script: string;
                            }[];
                            notes: string | null;
                            primaryName: string;
                            tags: string[];
                            updatedAt: string;
                            version: number;
                            website: string | null;
                        };
                    };
                };
            };
        };
        /** Replace a party's details; `version` must be the one last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthDate?: string | null;
                        country?: string | null;
                        identifiers?: {
                            /** @enum {string} */
                            scheme: "corporate_number" | "orcid" | "lei" | "duns" | "erad_researcher_number" | "passport" | "email" | "other";
                            value: string;
                        }[];
                        /** @enum {string} */
                        kind: "organization" | "person";
                        names: {
                            /** @enum {string} */
                            kind?: "primary" | "alias" | "former" | "transliteration";
                            lang?: string | null;
                            name: string;
                        }[];
                        notes?: string | null;
                        reason?: string | null;
                        tags?: string[];
                        version: number;
                        website?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            birthDate: string | null;
                            country: string | null;
                            createdAt: string;
                            id: string;
                            identifiers: {
                                scheme: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            kind: "organization" | "person";
                            mergedInto: string | null;
                            names: {
                                /** @enum {string} */
                                kind: "primary" | "alias" | "former" | "transliteration";
                                lang: string | null;
                                name: string;
                                script: string;
                            }[];
                            notes: string | null;
                            primaryName: string;
                            tags: string[];
                            updatedAt: string;
                            version: number;
                            website: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/parties/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive (parties are never deleted) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            birthDate: string | null;
                            country: string | null;
                            createdAt: string;
                            id: string;
                            identifiers: {
                                scheme: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            kind: "organization" | "person";
                            mergedInto: string | null;
                            names: {
                                /** @enum {string} */
                                kind: "primary" | "alias" | "former" | "transliteration";
                                lang: string | null;
                                name: string;
                                script: string;
                            }[];
                            notes: string | null;
                            primaryName: string;
                            tags: string[];
                            updatedAt: string;
                            version: number;
                            website: string | null;
                        };
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
    "/api/parties/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Likely duplicates of a stored party */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                party: {
                                    birthDate: string | null;
                                    country: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    names: string[];
                                    primaryName: string;
                                };
                                partyId: string;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                sameIdentifier: boolean;
                                score: number;
                            }[];
                        };
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
    "/api/parties/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The party's audit history */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorLabel: string;
                                after: unknown;
                                at: string;
                                before: unknown;
                                id: number;
                            }[];
                            total: number;
                        };
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
    "/api/parties/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a duplicate into this party (secretariat): names and identifiers joined, every reference re-pointed, the duplicate archived with its history */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        duplicateId: string;
                        duplicateVersion: number;
                        reason: string;
                        survivorVersion: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            droppedDuplicates: {
                                [key: string]: unknown[];
                            };
                            duplicateId: string;
                            moved: {
                                [key: string]: number;
                            };
                            notes: {
                                en: string;
                                ja: string;
                            }[];
                            reopenedDecisions: {
                                source: string;
                                sourceId: string;
                            }[];
                            survivor: {
                                archived: boolean;
                                archivedAt: string | null;
                                birthDate: string | null;
                                country: string | null;
                                createdAt: string;
                                id: string;
                                identifiers: {
                                    scheme: string;
                                    value: string;
                                }[];
                                /** @enum {string} */
                                kind: "organization" | "person";
                                mergedInto: string | null;
                                names: {
                                    /** @enum {string} */
                                    kind: "primary" | "alias" | "former" | "transliteration";
                                    lang: string | null;
                                    name: string;
                                    script: string;
                                }[];
                                notes: string | null;
                                primaryName: string;
                                tags: string[];
                                updatedAt: string;
                                version: number;
                                website: string | null;
                            };
                        };
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
    "/api/parties/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring an archived party back */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            birthDate: string | null;
                            country: string | null;
                            createdAt: string;
                            id: string;
                            identifiers: {
                                scheme: string;
                                value: string;
                            }[];
                            /** @enum {string} */
                            kind: "organization" | "person";
                            mergedInto: string | null;
                            names: {
                                /** @enum {string} */
                                kind: "primary" | "alias" | "former" | "transliteration";
                                lang: string | null;
                                name: string;
                                script: string;
                            }[];
                            notes: string | null;
                            primaryName: string;
                            tags: string[];
                            updatedAt: string;
                            version: number;
                            website: string | null;
                        };
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
    "/api/parties/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the party is used, and whether the caller may change it (and why not) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            approachReports: number;
                            canEdit: boolean;
                            editBlockedBecause: {
                                en: string;
                                ja: string;
                            } | null;
                            othersDraftReviews: number;
                            ownDraftReviews: number;
                            people: number;
                            reasonRequired: boolean;
                            submittedReviews: {
                                id: string;
                                refNo: string;
                                status: string;
                                title: string;
                            }[];
                        };
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
    "/api/parties/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the party, newest first, with who changed what and why */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                action: "baseline" | "created" | "updated" | "archived" | "restored" | "merged" | "merged_into";
                                actorLabel: string;
                                at: string;
                                changes: {
                                    after: unknown;
                                    before: unknown;
                                    field: string;
                                }[];
                                reason: string | null;
                                relatedPartyId: string | null;
                                snapshot: {
                                    archived: boolean;
                                    birthDate: string | null;
                                    country: string | null;
                                    identifiers: {
                                        scheme: string;
                                        value: string;
                                    }[];
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    mergedInto?: string | null;
                                    names: {
                                        kind: string;
                                        lang: string | null;
                                        name: string;
                                        script: string;
                                    }[];
                                    notes: string | null;
                                    primaryName: string;
                                    tags: string[];
                                    website: string | null;
                                };
                                version: number;
                            }[];
                        };
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
    "/api/parties/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Likely duplicates of a party being entered: its names matched in any script by the screening engine, and shared identifiers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        birthDate?: string | null;
                        country?: string | null;
                        id?: string | null;
                        identifiers?: {
                            scheme: string;
                            value: string;
                        }[];
                        /** @enum {string} */
                        kind: "organization" | "person";
                        names: {
                            name: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                party: {
                                    birthDate: string | null;
                                    country: string | null;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "organization" | "person";
                                    names: string[];
                                    primaryName: string;
                                };
                                partyId: string;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                sameIdentifier: boolean;
                                score: number;
                            }[];
                        };
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
    "/api/parties/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags in use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: string[];
                        };
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
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Person records with their due dates and flags */
        get: {
            parameters: {
                query?: {
                    category?: "staff" | "student" | "visitor" | "researcher" | "other";
                    department?: string;
                    due?: "overdue" | "within30" | "within90";
                    flag?: "P-DECLARATION-OVERDUE" | "P-DISCLOSURE-LIST-HIT" | "P-EFFORT-OVER-100" | "P-TALENT-PROGRAM";
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: "name" | "due";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                category: string;
                                department: string | null;
                                disclosureDueOn: string | null;
                                flags: string[];
                                id: string;
                                name: string;
                                partyId: string;
                                residency: string | null;
                                tokuteiActive: boolean;
                                tokuteiReviewOn: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a person record for a party (kind person) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category: "staff" | "student" | "visitor" | "researcher" | "other";
                        department?: string | null;
                        email?: string | null;
                        eradResearcherNumber?: string | null;
                        /** Format: uuid */
                        partyId: string;
                        userId?: string | null;
                        username?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
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
    "/api/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person record (yours, or any for officers) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        /** Update a person record; `version` as last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        category: "staff" | "student" | "visitor" | "researcher" | "other";
                        department?: string | null;
                        email?: string | null;
                        eradResearcherNumber?: string | null;
                        userId?: string | null;
                        username?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a new version of the research-integrity disclosure (declared providers are screened) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        affiliations?: {
                            confidentiality: boolean;
                            effortPercent: number;
                            from: string;
                            /** @enum {string} */
                            kind: "position" | "outside_appointment" | "talent_programme" | "honorary";
                            organisation: {
                                name: string;
                                /** @default null */
                                partyId?: string | null;
                            };
                            paid: boolean;
                            position: string;
                            /** @default null */
                            to?: string | null;
                        }[];
                        /** @default [] */
                        career?: {
                            from: string;
                            organisation: string;
                            position: string;
                            /** @default null */
                            to?: string | null;
                        }[];
                        /** @default [] */
                        funds?: {
                            /** @default null */
                            amountJpy?: number | null;
                            confidentiality: boolean;
                            effortPercent: number;
                            from: string;
                            inERad: boolean;
                            /** @default  */
                            programme?: string;
                            provider: {
                                name: string;
                                /** @default null */
                                partyId?: string | null;
                            };
                            /** @enum {string} */
                            status: "applied" | "received";
                            title: string;
                            /** @default null */
                            to?: string | null;
                        }[];
                        /** @default [] */
                        nonMonetary?: {
                            confidentiality: boolean;
                            description: string;
                            /** @default null */
                            from?: string | null;
                            provider: {
                                name: string;
                                /** @default null */
                                partyId?: string | null;
                            };
                        }[];
                        pledge: boolean;
                        submittedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
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
    "/api/people/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person record's audit history */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorLabel: string;
                                after: unknown;
                                at: string;
                                before: unknown;
                                id: number;
                            }[];
                            total: number;
                        };
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
    "/api/people/{id}/pledges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's e-Rad pledges */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dueOn: string;
                            givenOn: string | null;
                            id: string;
                            note: string | null;
                            projectId: string | null;
                            state: string;
                        }[];
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
    "/api/people/{id}/residency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record residency facts; the status follows the 6-month / 2-year rules */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        basis: {
                            date: string;
                            employedInJapan: boolean;
                            /** @enum {string} */
                            kind: "arrived_in_japan";
                            /** @enum {string} */
                            personType?: "japanese_national" | "foreign_national";
                            temporaryReturn?: boolean;
                        } | {
                            atJapaneseMission?: boolean;
                            date: string;
                            employedAbroad: boolean;
                            /** @enum {string} */
                            kind: "left_japan";
                            /** @enum {string} */
                            personType?: "japanese_national" | "foreign_national";
                            stayAbroadTwoYearsOrMore: boolean;
                        } | {
                            /** @enum {string} */
                            kind: "long_term_in_japan";
                            /** @enum {string} */
                            personType?: "japanese_national" | "foreign_national";
                        } | {
                            /** @enum {string} */
                            capacity: "foreign_government" | "international_organisation" | "diplomat_consular";
                            date: string;
                            /** @enum {string} */
                            kind: "official_duty";
                        } | {
                            date: string;
                            /** @enum {string} */
                            kind: "officer_decision";
                            reason: string;
                            /** @enum {string} */
                            status: "resident" | "non_resident";
                        };
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
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
    "/api/people/{id}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen the declared affiliations and funders again */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
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
    "/api/people/{id}/tokutei": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a 特定類型 self-declaration (the person, or the secretariat on their behalf) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        declaredOn: string;
                        /** @default  */
                        evidence?: string;
                        /** @default null */
                        nextReviewOn?: string | null;
                        pledge: boolean;
                        type1: {
                            applies: boolean;
                            /** @default  */
                            counterparty?: string;
                            /** @default  */
                            detail?: string;
                        };
                        type2: {
                            fiscalYear: string;
                            foreignIncomeJpy: number;
                            /** @default  */
                            sources?: string;
                            totalIncomeJpy: number;
                        };
                        type3: {
                            applies: boolean;
                            /** @default  */
                            detail?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: string;
                            department: string | null;
                            disclosureDueOn: string | null;
                            disclosures: unknown[];
                            email: string | null;
                            eradResearcherNumber: string | null;
                            flags: {
                                evidence: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                source: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            name: string;
                            partyId: string;
                            providerScreenings: unknown[];
                            residency: unknown[];
                            tokutei: unknown[];
                            tokuteiReviewOn: string | null;
                            userId: string | null;
                            username: string | null;
                            version: number;
                        };
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
    "/api/people/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Departments that have person records (for the list's filter) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: string[];
                        };
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
    "/api/people/erad.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** e-Rad research-integrity fields of everyone's latest disclosure (CSV) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/people/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My own person record (null when none is linked to my account) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person: {
                                category: string;
                                department: string | null;
                                disclosureDueOn: string | null;
                                disclosures: unknown[];
                                email: string | null;
                                eradResearcherNumber: string | null;
                                flags: {
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    source: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                id: string;
                                name: string;
                                partyId: string;
                                providerScreenings: unknown[];
                                residency: unknown[];
                                tokutei: unknown[];
                                tokuteiReviewOn: string | null;
                                userId: string | null;
                                username: string | null;
                                version: number;
                            } | null;
                        };
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
    "/api/people/reminders/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the due-declaration reminders now (normally run daily) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reminded: number;
                        };
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
    "/api/pledges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request an e-Rad pledge from a researcher by a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        dueOn: string;
                        note?: string | null;
                        /** Format: uuid */
                        personId: string;
                        projectId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
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
    "/api/pledges/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the date the pledge was given in e-Rad (null clears it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        givenOn: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dueOn: string;
                            givenOn: string | null;
                            id: string;
                            personId: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pledges/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send reminders for pledges due within 14 days or overdue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reminded: number;
                        };
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
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funded research projects */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            number: number;
                            status: string;
                            title: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a research project */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        applicationDueOn?: string | null;
                        department?: string | null;
                        fundingAgency: string;
                        fundingProgramme: string;
                        jpTags?: string[];
                        requiredModules?: string[];
                        specifiedProgramme?: boolean;
                        summary?: string | null;
                        title: string;
                        usFederal?: boolean;
                        usTags?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project with its partners, researchers, checklist, plan and blockers */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/checks/{item}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Conclude a due-diligence checklist item */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    item: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        conclusion?: string | null;
                        /** @enum {string} */
                        status: "open" | "satisfied" | "concern";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/checks/{item}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add evidence to a checklist item */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    item: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        url?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a mitigation measure with its owner (the owner gets a task) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        addresses?: string[];
                        description: string;
                        dueOn?: string | null;
                        /** @enum {string} */
                        kind: "access_limits" | "data_segregation" | "publication_review" | "travel_rules" | "other";
                        /** Format: uuid */
                        ownerUserId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/measures/{measureId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a measure planned or in place */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    measureId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "planned" | "in_place";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a researcher or student (a person record) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        personId: string;
                        pledgeRequired?: boolean;
                        /** @enum {string} */
                        role: "pi" | "co_pi" | "co_investigator" | "researcher" | "postdoc" | "student" | "technician" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a partner (an existing party, or a new organisation after a duplicate check) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newParty?: {
                            country?: string | null;
                            name: string;
                            notDuplicate?: boolean;
                        };
                        note?: string | null;
                        /** Format: uuid */
                        partyId?: string;
                        /** @enum {string} */
                        role: "partner" | "funder" | "co_investigator_org" | "subcontractor" | "data_recipient" | "supplier" | "owner" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/partners/{partnerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a partner */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    partnerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{id}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark ready for application (409 with every blocker while any remains) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a ready project for changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen every partner now */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applicationDueOn: string | null;
                            blockers: {
                                code: string;
                                message: {
                                    en: string;
                                    ja: string;
                                };
                                subject: string;
                            }[];
                            checks: {
                                basis: string;
                                conclusion: string | null;
                                evidence: {
                                    addedAt: string;
                                    id: string;
                                    text: string;
                                    url: string | null;
                                }[];
                                item: string;
                                label: {
                                    en: string;
                                    ja: string;
                                };
                                status: string;
                            }[];
                            department: string | null;
                            fundingAgency: string;
                            fundingProgramme: string;
                            id: string;
                            jpTags: string[];
                            measures: {
                                addresses: string[];
                                description: string;
                                dueOn: string | null;
                                id: string;
                                kind: string;
                                ownerName: string;
                                ownerUserId: string;
                                status: string;
                            }[];
                            members: {
                                disclosureDueOn: string | null;
                                eradResearcherNumber: string | null;
                                hasDisclosure: boolean;
                                id: string;
                                name: string;
                                noAccount: boolean;
                                personId: string;
                                pledge: {
                                    dueOn: string;
                                    givenOn: string | null;
                                    id: string;
                                } | null;
                                pledgeRequired: boolean;
                                pledgeState: string;
                                role: string;
                                training: {
                                    current: boolean;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                            }[];
                            number: number;
                            partners: {
                                country: string | null;
                                id: string;
                                name: string;
                                note: string | null;
                                partyId: string;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    liveHits: {
                                        decided: boolean;
                                        list: {
                                            en: string;
                                            ja: string;
                                        };
                                        name: string;
                                        source: string;
                                    }[];
                                } | null;
                            }[];
                            readyAt: string | null;
                            requiredModules: string[];
                            specifiedProgramme: boolean;
                            status: string;
                            summary: string | null;
                            title: string;
                            usFederal: boolean;
                            usTags: string[];
                            version: number;
                        };
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
    "/api/projects/{id}/summary.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Research-security summary for the funding agency (CSV, ?lang=ja|en) */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/projects/{id}/summary.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Research-security summary for the funding agency (PDF with the Japanese font, ?lang=ja|en) */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/red-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The red-flag catalogue, each flag with the cases that show it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                cases: {
                                    id: string;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                id: string;
                                module: string;
                                question: {
                                    en: string;
                                    ja: string;
                                } | null;
                                title: {
                                    en: string;
                                    ja: string;
                                } | null;
                            }[];
                        };
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
    "/api/red-flags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One red flag with its cases */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            module: string;
                            question: {
                                en: string;
                                ja: string;
                            } | null;
                            title: {
                                en: string;
                                ja: string;
                            } | null;
                        };
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
    "/api/review-conditions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a condition as met (its owner or the secretariat) or waive it (secretariat, approver) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidence: string;
                        /** @enum {string} */
                        status: "done" | "waived";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                doneAt: string | null;
                                doneBy: string | null;
                                dueOn: string;
                                evidence: string | null;
                                id: string;
                                overdue: boolean;
                                owner: {
                                    id: string;
                                    name: string;
                                };
                                position: number;
                                reviewId: string;
                                reviewRef: string;
                                reviewTitle: string;
                                status: string;
                                text: string;
                            }[];
                        };
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
    "/api/review-conditions/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approval conditions I am responsible for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                doneAt: string | null;
                                doneBy: string | null;
                                dueOn: string;
                                evidence: string | null;
                                id: string;
                                overdue: boolean;
                                owner: {
                                    id: string;
                                    name: string;
                                };
                                position: number;
                                reviewId: string;
                                reviewRef: string;
                                reviewTitle: string;
                                status: string;
                                text: string;
                            }[];
                        };
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
    "/api/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My applications, my inbox (the stage of my role), or all (officers and auditors) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    scope?: "mine" | "inbox" | "all";
                    status?: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activityType: string;
                                applicantName: string;
                                decidedAt: string | null;
                                flags: string[];
                                id: string;
                                refNo: string;
                                retentionUntil: string | null;
                                riskLevel: string | null;
                                status: string;
                                submittedAt: string | null;
                                title: string;
                                track: string | null;
                                updatedAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start an application (a draft; complete it before submitting) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        activityType: "acceptance" | "overseas_trip" | "technology_provision" | "goods_export" | "joint_research" | "donation_grant" | "outside_appointment" | "data_sharing" | "investment_offer" | "hiring_contracting";
                        /** @default {} */
                        answers?: {
                            [key: string]: string | number | boolean | null;
                        };
                        /** @default [] */
                        counterparties?: {
                            /** Format: uuid */
                            partyId: string;
                            /** @enum {string} */
                            role: "visitor" | "home_institution" | "host" | "recipient" | "consignee" | "end_user" | "partner" | "funder" | "employer" | "investor" | "contractor" | "intermediary" | "payee" | "other";
                        }[];
                        /** @default {
                         *       "topic": "",
                         *       "dataInvolved": "",
                         *       "startDate": null,
                         *       "endDate": null,
                         *       "purpose": ""
                         *     } */
                        details?: {
                            /** @default  */
                            dataInvolved?: string;
                            /** @default null */
                            endDate?: string | null;
                            /** @default  */
                            purpose?: string;
                            /** @default null */
                            startDate?: string | null;
                            /** @default  */
                            topic?: string;
                        };
                        /** @default {} */
                        notes?: {
                            [key: string]: string;
                        };
                        /** @default  */
                        title?: string;
                        topicTags?: {
                            jp: string[];
                            us: string[];
                        };
                        unit?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One review with counterparties, screening, risk, routing, history and my possible actions */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        /** Save the application (applicant, while draft or returned); `version` as last read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        answers?: {
                            [key: string]: string | number | boolean | null;
                        };
                        /** @default [] */
                        counterparties?: {
                            /** Format: uuid */
                            partyId: string;
                            /** @enum {string} */
                            role: "visitor" | "home_institution" | "host" | "recipient" | "consignee" | "end_user" | "partner" | "funder" | "employer" | "investor" | "contractor" | "intermediary" | "payee" | "other";
                        }[];
                        /** @default {
                         *       "topic": "",
                         *       "dataInvolved": "",
                         *       "startDate": null,
                         *       "endDate": null,
                         *       "purpose": ""
                         *     } */
                        details?: {
                            /** @default  */
                            dataInvolved?: string;
                            /** @default null */
                            endDate?: string | null;
                            /** @default  */
                            purpose?: string;
                            /** @default null */
                            startDate?: string | null;
                            /** @default  */
                            topic?: string;
                        };
                        /** @default {} */
                        notes?: {
                            [key: string]: string;
                        };
                        /** @default  */
                        title?: string;
                        topicTags?: {
                            jp: string[];
                            us: string[];
                        };
                        unit?: string | null;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/classification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the 該非判定 (item, sub-item, exception, rationale) and topic tags */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        classification: {
                            /** @default null */
                            catchAllCategory?: ("16-1" | "16-2" | "outside") | null;
                            /** @default [] */
                            exceptions?: {
                                basis: string;
                                /** @enum {string} */
                                code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                /** @default null */
                                use?: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                            }[];
                            /** @default null */
                            item?: string | null;
                            /** @enum {string} */
                            listStatus: "listed" | "not_listed";
                            /** @default null */
                            provision?: {
                                article: number;
                                /** @default null */
                                item?: number | null;
                                /** @enum {string} */
                                ordinance: "goods_ordinance" | "trade_ordinance";
                                /** @default null */
                                paragraph?: number | null;
                                /** @default null */
                                sub?: string | null;
                            } | null;
                            rationale: string;
                            /** @default null */
                            reference?: string | null;
                            /** @default null */
                            regime?: ("export_order" | "fx_order" | "both") | null;
                            /** @default null */
                            subItem?: string | null;
                        };
                        /** @default {
                         *       "jp": [],
                         *       "us": []
                         *     } */
                        topicTags?: {
                            jp: string[];
                            us: string[];
                        };
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/conditions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The approval's conditions, each with its owner, due date and status */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                doneAt: string | null;
                                doneBy: string | null;
                                dueOn: string;
                                evidence: string | null;
                                id: string;
                                overdue: boolean;
                                owner: {
                                    id: string;
                                    name: string;
                                };
                                position: number;
                                reviewId: string;
                                reviewRef: string;
                                reviewTitle: string;
                                status: string;
                                text: string;
                            }[];
                        };
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
    "/api/reviews/{id}/export-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the export facts: destination, date, known use, inform notices, 明らか clearance */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        clearlyNoConcern?: boolean;
                        /** @default  */
                        clearlyNote?: string;
                        /** @default null */
                        destinationCountry?: string | null;
                        /** @default false */
                        diversionConcern?: boolean;
                        /** @default null */
                        finalDestinationCountry?: string | null;
                        /** @default false */
                        informedConventional?: boolean;
                        /** @default false */
                        informedWmd?: boolean;
                        /** @default  */
                        informNote?: string;
                        /** @default false */
                        knownConventionalActivity?: boolean;
                        /** @default false */
                        knownWmdActivity?: boolean;
                        /** @default null */
                        plannedOn?: string | null;
                        /** @default null */
                        providedAbroad?: boolean | null;
                        /**
                         * @default unknown
                         * @enum {string}
                         */
                        statedUse?: "wmd" | "conventional" | "civil" | "unknown";
                        /** @default  */
                        useNote?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/forms/{form}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Printable PDF: 事前確認シート (precheck), 該非判定書 (classification), 取引審査票 (transaction) */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    form: "precheck" | "classification" | "transaction";
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/reviews/{id}/hand-carry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Laptops, samples and media carried on the trip, with their return check */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                checkedBy: string | null;
                                description: string;
                                id: string;
                                itemId: string | null;
                                itemName: string | null;
                                itemRef: string | null;
                                kind: string;
                                outOn: string;
                                overdue: boolean;
                                returnDueOn: string;
                                returnedOn: string | null;
                                returnNote: string | null;
                                returnStatus: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record an item carried on the trip (opens the post-trip return check) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description: string;
                        /** @default null */
                        itemId?: string | null;
                        /** @enum {string} */
                        kind: "laptop" | "sample" | "equipment" | "data_medium" | "other";
                        outOn: string;
                        returnDueOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                checkedBy: string | null;
                                description: string;
                                id: string;
                                itemId: string | null;
                                itemName: string | null;
                                itemRef: string | null;
                                kind: string;
                                outOn: string;
                                overdue: boolean;
                                returnDueOn: string;
                                returnedOn: string | null;
                                returnNote: string | null;
                                returnStatus: string;
                            }[];
                        };
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
    "/api/reviews/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review's audit history */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorLabel: string;
                                after: unknown;
                                at: string;
                                before: unknown;
                                id: number;
                            }[];
                            total: number;
                        };
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
    "/api/reviews/{id}/identity-checks/{checkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record one identity check of a hiring/contracting review (outcome, evidence; who and when are taken from the session) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    checkId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidence: string;
                        /** @enum {string} */
                        outcome: "clear" | "sign";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link goods and technologies from the item master (each keeps its 判定), with quantity and value */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @default [] */
                            extraExceptions?: {
                                basis: string;
                                /** @enum {string} */
                                code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                /** @default null */
                                use?: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                            }[];
                            /** Format: uuid */
                            itemId: string;
                            /** @default null */
                            note?: string | null;
                            /** @default null */
                            quantity?: number | null;
                            /** @default null */
                            unit?: string | null;
                            /** @default null */
                            valueJpy?: number | null;
                        }[];
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/items/{itemId}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take the item master's current 判定 for a linked item */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/reviews/{id}/licences/{licenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Link a licence (or a recorded application in progress) to the review */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    licenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Unlink a licence from the review */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    licenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/provisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The technology-provision log of a review */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                country: string | null;
                                createdAt: string;
                                id: string;
                                itemId: string | null;
                                itemName: string | null;
                                itemRef: string | null;
                                licenceId: string | null;
                                licenceNumber: string | null;
                                licenceRef: string | null;
                                method: string;
                                note: string | null;
                                providedBy: string | null;
                                providedOn: string;
                                recipientName: string;
                                recipientPartyId: string | null;
                                reviewId: string | null;
                                reviewRef: string | null;
                                what: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Log one provision of technology (what, to whom, when, how) under the approved review and its licence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        country?: string | null;
                        /** @default null */
                        itemId?: string | null;
                        /** @default null */
                        licenceId?: string | null;
                        /** @enum {string} */
                        method: "in_person" | "document" | "email" | "cloud_share" | "video_call" | "hand_carry" | "other";
                        /** @default null */
                        note?: string | null;
                        providedOn: string;
                        recipientName: string;
                        /** @default null */
                        recipientPartyId?: string | null;
                        what: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                country: string | null;
                                createdAt: string;
                                id: string;
                                itemId: string | null;
                                itemName: string | null;
                                itemRef: string | null;
                                licenceId: string | null;
                                licenceNumber: string | null;
                                licenceRef: string | null;
                                method: string;
                                note: string | null;
                                providedBy: string | null;
                                providedOn: string;
                                recipientName: string;
                                recipientPartyId: string | null;
                                reviewId: string | null;
                                reviewRef: string | null;
                                what: string;
                            }[];
                        };
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
    "/api/reviews/{id}/rescreen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-screen an approved review's counterparties now (long-term guests are re-screened yearly) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            next: string | null;
                            openHits: number;
                        };
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
    "/api/reviews/{id}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen every counterparty against all active lists */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/reviews/{id}/transaction-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the 取引審査 checklists (用途, 明らかガイドライン, 需要者) and partner attributes */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        akiraka?: {
                            [key: string]: boolean;
                        };
                        /** @default  */
                        conclusion?: string;
                        /** @default {} */
                        counterpartyAttributes?: {
                            [key: string]: {
                                military: boolean;
                                /** @default null */
                                note?: string | null;
                                stateOwned: boolean;
                            };
                        };
                        /** @default {} */
                        endUse?: {
                            [key: string]: boolean;
                        };
                        /** @default {} */
                        endUser?: {
                            [key: string]: boolean;
                        };
                        /** @default {} */
                        notes?: {
                            [key: string]: string;
                        };
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the review: submit, withdraw, return, send back, clear, forward, complete, approve, reject */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject";
                        comment?: string | null;
                        conditionItems?: {
                            dueOn: string | null;
                            ownerUserId: string | null;
                            text: string;
                        }[];
                        conditions?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: ("submit" | "withdraw" | "return" | "send_back" | "clear" | "forward" | "complete_check" | "approve" | "approve_with_conditions" | "reject")[];
                            activityLabel: {
                                en: string;
                                ja: string;
                            };
                            activityType: string;
                            answers: {
                                [key: string]: string | number | boolean | null;
                            };
                            applicant: {
                                department: string | null;
                                name: string;
                                userId: string;
                            };
                            assessment: {
                                flags: {
                                    counterpartyId: string | null;
                                    decisive: boolean;
                                    evidence: {
                                        en: string;
                                        ja: string;
                                    };
                                    id: string;
                                    question: {
                                        en: string;
                                        ja: string;
                                    };
                                    /** @enum {string} */
                                    severity: "medium" | "high";
                                    source: string;
                                    sourceLabel?: {
                                        en: string;
                                        ja: string;
                                    };
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                hiring?: {
                                    flags: {
                                        decisive: boolean;
                                        evidence: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        /** @enum {string} */
                                        severity: "medium" | "high";
                                    }[];
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    missing: string[];
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                /** @enum {string} */
                                level: "low" | "medium" | "high";
                                partner: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                topic: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high";
                                    reasons: {
                                        en: string;
                                        ja: string;
                                    }[];
                                };
                            };
                            checkedAt: string | null;
                            classification: {
                                catchAllCategory: string | null;
                                exceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                item: string | null;
                                legacy?: unknown;
                                listStatus: ("listed" | "not_listed") | null;
                                needsReclassification?: boolean;
                                provision: {
                                    article: number;
                                    /** @default null */
                                    item: number | null;
                                    /** @enum {string} */
                                    ordinance: "goods_ordinance" | "trade_ordinance";
                                    /** @default null */
                                    paragraph: number | null;
                                    /** @default null */
                                    sub: string | null;
                                } | null;
                                rationale: string;
                                reference: string | null;
                                regime: string | null;
                                subItem: string | null;
                            } | null;
                            classificationSummary: {
                                en: string;
                                ja: string;
                            } | null;
                            classifiedAt: string | null;
                            conditions: string | null;
                            counterparties: {
                                attributes: {
                                    military?: boolean;
                                    note?: string | null;
                                    stateOwned?: boolean;
                                };
                                confirmedHits: number;
                                id: string;
                                name: string;
                                openHits: number;
                                partyId: string;
                                partyKind: string;
                                person: {
                                    declarationOverdue: boolean;
                                    disclosureHits: {
                                        confirmed: boolean;
                                        provider: string;
                                        source: string;
                                    }[];
                                    effortTotal: number | null;
                                    personId: string;
                                    residency: ("resident" | "non_resident") | null;
                                    talentProgramme: boolean;
                                    tokutei: {
                                        active: boolean;
                                        declaredOn: string | null;
                                        types: string[];
                                    };
                                } | null;
                                role: string;
                                screenedAt: string | null;
                                screening: {
                                    hits: {
                                        decision: ("true_match" | "false_positive") | null;
                                        entityId?: string;
                                        match: boolean;
                                        name: string;
                                        programs: string[];
                                        score: number;
                                        source: string;
                                    }[];
                                    runId: string;
                                    screenedAt: string;
                                } | null;
                            }[];
                            createdAt: string;
                            decidedAt: string | null;
                            decisionComment: string | null;
                            details: {
                                dataInvolved: string;
                                endDate: string | null;
                                purpose: string;
                                startDate: string | null;
                                topic: string;
                            };
                            events: {
                                action: string;
                                actor: string;
                                at: string;
                                comment: string | null;
                                conditions: string | null;
                                from: string | null;
                                to: string;
                            }[];
                            exportFacts: {
                                clearlyNoConcern: boolean;
                                clearlyNote: string;
                                destinationCountry: string | null;
                                diversionConcern: boolean;
                                finalDestinationCountry: string | null;
                                informedConventional: boolean;
                                informedWmd: boolean;
                                informNote: string;
                                knownConventionalActivity: boolean;
                                knownWmdActivity: boolean;
                                plannedOn: string | null;
                                providedAbroad: boolean | null;
                                /** @enum {string} */
                                statedUse: "wmd" | "conventional" | "civil" | "unknown";
                                useNote: string;
                            };
                            id: string;
                            identityChecks: {
                                checkedAt: string | null;
                                checkedBy: string | null;
                                evidence: string | null;
                                flag: string;
                                id: string;
                                outcome: ("clear" | "sign") | null;
                                question: {
                                    en: string;
                                    ja: string;
                                };
                                source: string;
                                sourceLabel: {
                                    en: string;
                                    ja: string;
                                };
                                task: {
                                    en: string;
                                    ja: string;
                                };
                            }[] | null;
                            items: {
                                extraExceptions: {
                                    basis: string;
                                    /** @enum {string} */
                                    code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                    /** @default null */
                                    use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                }[];
                                itemId: string;
                                judgement: {
                                    catchAllCategory: string | null;
                                    exceptions: {
                                        basis: string;
                                        /** @enum {string} */
                                        code: "public_domain" | "publication_intended" | "basic_research" | "patent_application" | "minimum_use" | "commercial_software";
                                        /** @default null */
                                        use: ("published" | "open_lecture" | "open_event" | "open_source" | "conference" | "journal" | "thesis" | "basic_research" | "patent_application" | "with_goods" | "commercial_software") | null;
                                    }[];
                                    item: string | null;
                                    listStatus: ("listed" | "not_listed") | null;
                                    provision: {
                                        article: number;
                                        /** @default null */
                                        item: number | null;
                                        /** @enum {string} */
                                        ordinance: "goods_ordinance" | "trade_ordinance";
                                        /** @default null */
                                        paragraph: number | null;
                                        /** @default null */
                                        sub: string | null;
                                    } | null;
                                    regime: string | null;
                                    subItem: string | null;
                                };
                                /** @enum {string} */
                                kind: "goods" | "technology";
                                masterArchived: boolean;
                                masterChanged: boolean;
                                name: string;
                                note: string | null;
                                quantity: number | null;
                                refNo: string;
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                unit: string | null;
                                valueJpy: number | null;
                            }[];
                            licence: {
                                applicable: boolean;
                                date: string;
                                destination: {
                                    country: string | null;
                                    groups: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    source: ("facts" | "counterparty") | null;
                                };
                                gate: {
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    required: boolean;
                                    satisfied: boolean;
                                    undetermined: boolean;
                                };
                                items: {
                                    cautions: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    findings: {
                                        citations: {
                                            en: string;
                                            ja: string;
                                        }[];
                                        id: string;
                                        outcome: string;
                                        reason: {
                                            en: string;
                                            ja: string;
                                        };
                                        unverified: boolean;
                                    }[];
                                    kind: string;
                                    label: {
                                        en: string;
                                        ja: string;
                                    };
                                    missing: {
                                        en: string;
                                        ja: string;
                                    }[];
                                    reasoning: {
                                        en: string;
                                        ja: string;
                                    };
                                    relyOnUnverified: boolean;
                                    result: string;
                                    resultLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                licenceRequired: boolean;
                                linked: {
                                    covers: boolean;
                                    id: string;
                                    kind: {
                                        en: string;
                                        ja: string;
                                    };
                                    licenceNumber: string | null;
                                    pending: boolean;
                                    reason: {
                                        en: string;
                                        ja: string;
                                    };
                                    refNo: string;
                                    status: string;
                                    statusLabel: {
                                        en: string;
                                        ja: string;
                                    };
                                    validUntil: string | null;
                                }[];
                                profile: {
                                    en: string;
                                    ja: string;
                                } | null;
                                recipient: {
                                    names: string[];
                                    residency: string;
                                    tokutei: boolean;
                                };
                                result: string;
                                resultLabel: {
                                    en: string;
                                    ja: string;
                                };
                            };
                            notes: {
                                [key: string]: string;
                            };
                            permissions: {
                                check: boolean;
                                classify: boolean;
                                edit: boolean;
                                exportFacts: boolean;
                                identityCheck: boolean;
                                licences: boolean;
                                screen: boolean;
                            };
                            refNo: string;
                            retentionUntil: string | null;
                            routing: {
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                                /** @enum {string} */
                                track: "simple" | "full";
                            };
                            separationOfDuties: {
                                approvalBlocked: boolean;
                                reasons: {
                                    en: string;
                                    ja: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "unit_review" | "secretariat_review" | "approval" | "returned" | "cleared" | "approved" | "approved_with_conditions" | "rejected" | "withdrawn";
                            statusLabel: {
                                en: string;
                                ja: string;
                            };
                            submittedAt: string | null;
                            title: string;
                            topicTags: {
                                jp: string[];
                                us: string[];
                            };
                            track: ("simple" | "full") | null;
                            transactionCheck: {
                                akiraka: {
                                    [key: string]: boolean;
                                };
                                conclusion: string;
                                endUse: {
                                    [key: string]: boolean;
                                };
                                endUser: {
                                    [key: string]: boolean;
                                };
                                notes: {
                                    [key: string]: string;
                                };
                            } | null;
                            transactionCheckMissing: string[];
                            unit: string | null;
                            updatedAt: string;
                            version: number;
                        };
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
    "/api/reviews/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My autosaved drafts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                savedAt: string;
                            }[];
                        };
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
    "/api/reviews/drafts/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One autosaved draft (404 when none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            payload: unknown;
                            savedAt: string;
                        };
                    };
                };
            };
        };
        /** Autosave a form being edited (kept per user until it is saved or discarded) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payload: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            savedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Discard a draft */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questionnaires, control-list items, exceptions, technology areas, checklists and labels */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
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
    "/api/screening/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Batch screening jobs, newest first, with progress */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                columns: {
                                    aliases: number | null;
                                    birthDate: number | null;
                                    country: number | null;
                                    hasHeader: boolean;
                                    header: string[];
                                    name: number;
                                    reference: number | null;
                                    schema: number | null;
                                };
                                createdAt: string;
                                createdBy: string;
                                encoding: string | null;
                                error: string | null;
                                /** @enum {string} */
                                fileFormat: "csv" | "xlsx";
                                fileName: string;
                                finishedAt: string | null;
                                id: string;
                                matchedRows: number;
                                processedRows: number;
                                snapshots: {
                                    [key: string]: string;
                                } | null;
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed";
                                threshold: number;
                                totalRows: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a CSV (UTF-8 or Shift_JIS) or XLSX of names as multipart/form-data (`file`, optional `encoding`): a background job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            columns: {
                                aliases: number | null;
                                birthDate: number | null;
                                country: number | null;
                                hasHeader: boolean;
                                header: string[];
                                name: number;
                                reference: number | null;
                                schema: number | null;
                            };
                            createdAt: string;
                            createdBy: string;
                            encoding: string | null;
                            error: string | null;
                            /** @enum {string} */
                            fileFormat: "csv" | "xlsx";
                            fileName: string;
                            finishedAt: string | null;
                            id: string;
                            matchedRows: number;
                            processedRows: number;
                            snapshots: {
                                [key: string]: string;
                            } | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            threshold: number;
                            totalRows: number;
                        };
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
    "/api/screening/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch job with its progress */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            columns: {
                                aliases: number | null;
                                birthDate: number | null;
                                country: number | null;
                                hasHeader: boolean;
                                header: string[];
                                name: number;
                                reference: number | null;
                                schema: number | null;
                            };
                            createdAt: string;
                            createdBy: string;
                            encoding: string | null;
                            error: string | null;
                            /** @enum {string} */
                            fileFormat: "csv" | "xlsx";
                            fileName: string;
                            finishedAt: string | null;
                            id: string;
                            matchedRows: number;
                            processedRows: number;
                            snapshots: {
                                [key: string]: string;
                            } | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            threshold: number;
                            totalRows: number;
                        };
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
    "/api/screening/batches/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch job's results as CSV (UTF-8 with BOM, for Excel), in `lang` or else the user's language */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/screening/batches/{id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of a batch job's rows with their best hits */
        get: {
            parameters: {
                query?: {
                    onlyMatches?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bestScore: number | null;
                                done: boolean;
                                hits: {
                                    crossScript?: {
                                        from: string;
                                        how: {
                                            en: string;
                                            ja: string;
                                        };
                                        list: string;
                                        to: string;
                                    }[];
                                    entityId: string;
                                    match: boolean;
                                    name: string;
                                    programs: string[];
                                    schema: string;
                                    score: number;
                                    source: string;
                                    sourceId: string;
                                    summary: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                input: {
                                    aliases: string[];
                                    birthDate: string | null;
                                    country: string | null;
                                    line: number;
                                    name: string;
                                    problem?: {
                                        en: string;
                                        ja: string;
                                    };
                                    reference: string | null;
                                    schema: string;
                                };
                                line: number;
                                matchCount: number | null;
                                rowNo: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/screening/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide on a hit: true match or false positive, with a rationale; remembered for this party and list entry until the entry changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        entityId: string;
                        /** Format: uuid */
                        partyId: string;
                        rationale: string;
                        /** @enum {string} */
                        status: "true_match" | "false_positive";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contentHash: string;
                            current: boolean;
                            decidedAt: string;
                            decidedBy: string;
                            entityId: string;
                            entityName: string;
                            id: string;
                            partyId: string;
                            rationale: string;
                            source: string;
                            sourceId: string;
                            /** @enum {string} */
                            status: "true_match" | "false_positive";
                        };
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
    "/api/screening/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenSanctions yente-compatible matching: {queries: {id: {schema, properties}}} → {responses: {id: {results, total, query}}} */
        post: {
            parameters: {
                query?: {
                    cutoff?: number;
                    limit?: number;
                    threshold?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        };
                        cutoff?: number;
                        limit?: number;
                        queries: {
                            [key: string]: {
                                id?: string | null;
                                properties: {
                                    [key: string]: string | (string | number)[];
                                };
                                schema: string;
                            };
                        };
                        threshold?: number;
                        weights?: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limit: number;
                            responses: {
                                [key: string]: {
                                    query: {
                                        id: string | null;
                                        properties: {
                                            [key: string]: unknown;
                                        };
                                        schema: string;
                                    };
                                    results: {
                                        caption: string;
                                        datasets: string[];
                                        explanation: {
                                            crossScript?: {
                                                from: string;
                                                how: {
                                                    en: string;
                                                    ja: string;
                                                };
                                                list: string;
                                                to: string;
                                            }[];
                                            features: {
                                                contribution: number;
                                                detail?: {
                                                    en: string;
                                                    ja: string;
                                                };
                                                id: string;
                                                label: {
                                                    en: string;
                                                    ja: string;
                                                };
                                            }[];
                                            matchedName: string;
                                            queryName: string;
                                            summary: {
                                                en: string;
                                                ja: string;
                                            };
                                        };
                                        explanations: {
                                            [key: string]: {
                                                detail: string | null;
                                                score: number;
                                            };
                                        };
                                        features: {
                                            [key: string]: number;
                                        };
                                        first_seen: string | null;
                                        id: string;
                                        last_change: string | null;
                                        last_seen: string | null;
                                        match: boolean;
                                        properties: {
                                            [key: string]: string[];
                                        };
                                        referents: string[];
                                        schema: string;
                                        score: number;
                                        target: boolean;
                                        token: string | null;
                                    }[];
                                    status: number;
                                    total: {
                                        relation: string;
                                        value: number;
                                    };
                                };
                            };
                            snapshots: {
                                [key: string]: string;
                            };
                            threshold: number;
                        };
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
    "/api/screening/parties/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every decision on a party's hits (current and replaced), newest first */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                contentHash: string;
                                current: boolean;
                                decidedAt: string;
                                decidedBy: string;
                                entityId: string;
                                entityName: string;
                                id: string;
                                partyId: string;
                                rationale: string;
                                source: string;
                                sourceId: string;
                                /** @enum {string} */
                                status: "true_match" | "false_positive";
                            }[];
                        };
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
    "/api/screening/parties/{id}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A party's latest screening result with the current decisions (null if never screened) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            result: {
                                actorLabel: string;
                                confirmedHitCount: number;
                                hits: {
                                    contentHash: string;
                                    countries: string[];
                                    decision: {
                                        decidedAt: string;
                                        decidedBy: string;
                                        rationale: string;
                                        /** @enum {string} */
                                        status: "true_match" | "false_positive";
                                    } | null;
                                    entityId: string;
                                    explanation: {
                                        crossScript?: {
                                            from: string;
                                            how: {
                                                en: string;
                                                ja: string;
                                            };
                                            list: string;
                                            to: string;
                                        }[];
                                        features: {
                                            contribution: number;
                                            detail?: {
                                                en: string;
                                                ja: string;
                                            };
                                            id: string;
                                            label: {
                                                en: string;
                                                ja: string;
                                            };
                                        }[];
                                        matchedName: string;
                                        queryName: string;
                                        summary: {
                                            en: string;
                                            ja: string;
                                        };
                                    };
                                    isNew: boolean;
                                    match: boolean;
                                    name: string;
                                    previousDecision: {
                                        decidedAt: string;
                                        decidedBy: string;
                                        rationale: string;
                                        /** @enum {string} */
                                        status: "true_match" | "false_positive";
                                    } | null;
                                    programs: string[];
                                    /** @enum {string} */
                                    schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                    score: number;
                                    snapshotId: string;
                                    source: string;
                                    sourceId: string;
                                }[];
                                newHitCount: number;
                                openHitCount: number;
                                partyId: string;
                                query: {
                                    birthDate: string | null;
                                    countries: string[];
                                    identifiers: {
                                        scheme: string;
                                        value: string;
                                    }[];
                                    names: string[];
                                    schema: string;
                                };
                                runId: string;
                                screenedAt: string;
                                snapshots: {
                                    [key: string]: string;
                                };
                                threshold: number;
                                /** @enum {string} */
                                trigger: "manual" | "context" | "rescreen";
                            } | null;
                        };
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
    "/api/screening/parties/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A party's screening history, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actorLabel: string;
                                context: {
                                    entityId: string;
                                    entityType: string;
                                } | null;
                                hitCount: number;
                                matchCount: number;
                                newCount: number;
                                openCount: number;
                                runId: string;
                                screenedAt: string;
                                snapshots: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                trigger: "manual" | "context" | "rescreen";
                            }[];
                            total: number;
                        };
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
    "/api/screening/parties/{id}/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen a party now (every name, country, birth date and identifier) and store the run */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorLabel: string;
                            confirmedHitCount: number;
                            hits: {
                                contentHash: string;
                                countries: string[];
                                decision: {
                                    decidedAt: string;
                                    decidedBy: string;
                                    rationale: string;
                                    /** @enum {string} */
                                    status: "true_match" | "false_positive";
                                } | null;
                                entityId: string;
                                explanation: {
                                    crossScript?: {
                                        from: string;
                                        how: {
                                            en: string;
                                            ja: string;
                                        };
                                        list: string;
                                        to: string;
                                    }[];
                                    features: {
                                        contribution: number;
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        label: {
                                            en: string;
                                            ja: string;
                                        };
                                    }[];
                                    matchedName: string;
                                    queryName: string;
                                    summary: {
                                        en: string;
                                        ja: string;
                                    };
                                };
                                isNew: boolean;
                                match: boolean;
                                name: string;
                                previousDecision: {
                                    decidedAt: string;
                                    decidedBy: string;
                                    rationale: string;
                                    /** @enum {string} */
                                    status: "true_match" | "false_positive";
                                } | null;
                                programs: string[];
                                /** @enum {string} */
                                schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                score: number;
                                snapshotId: string;
                                source: string;
                                sourceId: string;
                            }[];
                            newHitCount: number;
                            openHitCount: number;
                            partyId: string;
                            query: {
                                birthDate: string | null;
                                countries: string[];
                                identifiers: {
                                    scheme: string;
                                    value: string;
                                }[];
                                names: string[];
                                schema: string;
                            };
                            runId: string;
                            screenedAt: string;
                            snapshots: {
                                [key: string]: string;
                            };
                            threshold: number;
                            /** @enum {string} */
                            trigger: "manual" | "context" | "rescreen";
                        };
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
    "/api/screening/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open hits (at or above the threshold, not yet decided) of every party's latest run */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    partyId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                hit: {
                                    contentHash: string;
                                    countries: string[];
                                    entityId: string;
                                    explanation: {
                                        crossScript?: {
                                            from: string;
                                            how: {
                                                en: string;
                                                ja: string;
                                            };
                                            list: string;
                                            to: string;
                                        }[];
                                        features: {
                                            contribution: number;
                                            detail?: {
                                                en: string;
                                                ja: string;
                                            };
                                            id: string;
                                            label: {
                                                en: string;
                                                ja: string;
                                            };
                                        }[];
                                        matchedName: string;
                                        queryName: string;
                                        summary: {
                                            en: string;
                                            ja: string;
                                        };
                                    };
                                    isNew: boolean;
                                    match: boolean;
                                    name: string;
                                    programs: string[];
                                    /** @enum {string} */
                                    schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                    score: number;
                                    snapshotId: string;
                                    source: string;
                                    sourceId: string;
                                };
                                party: {
                                    country: string | null;
                                    id: string;
                                    kind: string;
                                    name: string;
                                };
                                runId: string;
                                screenedAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
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
    "/api/screening/rescreens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent re-screenings of all parties with their progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                error: string | null;
                                finishedAt: string | null;
                                id: string;
                                partiesWithNewHits: number;
                                processed: number;
                                snapshots: {
                                    [key: string]: string;
                                };
                                startedAt: string;
                                /** @enum {string} */
                                status: "running" | "done" | "failed" | "superseded";
                                total: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Re-screen every party now against the active lists (runs in the background) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            partiesWithNewHits: number;
                            processed: number;
                            snapshots: {
                                [key: string]: string;
                            };
                            startedAt: string;
                            /** @enum {string} */
                            status: "running" | "done" | "failed" | "superseded";
                            total: number;
                        };
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
    "/api/screening/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One stored screening run with its hits */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actorLabel: string;
                            confirmedHitCount: number;
                            hits: {
                                contentHash: string;
                                countries: string[];
                                decision: {
                                    decidedAt: string;
                                    decidedBy: string;
                                    rationale: string;
                                    /** @enum {string} */
                                    status: "true_match" | "false_positive";
                                } | null;
                                entityId: string;
                                explanation: {
                                    crossScript?: {
                                        from: string;
                                        how: {
                                            en: string;
                                            ja: string;
                                        };
                                        list: string;
                                        to: string;
                                    }[];
                                    features: {
                                        contribution: number;
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        label: {
                                            en: string;
                                            ja: string;
                                        };
                                    }[];
                                    matchedName: string;
                                    queryName: string;
                                    summary: {
                                        en: string;
                                        ja: string;
                                    };
                                };
                                isNew: boolean;
                                match: boolean;
                                name: string;
                                previousDecision: {
                                    decidedAt: string;
                                    decidedBy: string;
                                    rationale: string;
                                    /** @enum {string} */
                                    status: "true_match" | "false_positive";
                                } | null;
                                programs: string[];
                                /** @enum {string} */
                                schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                score: number;
                                snapshotId: string;
                                source: string;
                                sourceId: string;
                            }[];
                            newHitCount: number;
                            openHitCount: number;
                            partyId: string;
                            query: {
                                birthDate: string | null;
                                countries: string[];
                                identifiers: {
                                    scheme: string;
                                    value: string;
                                }[];
                                names: string[];
                                schema: string;
                            };
                            runId: string;
                            screenedAt: string;
                            snapshots: {
                                [key: string]: string;
                            };
                            threshold: number;
                            /** @enum {string} */
                            trigger: "manual" | "context" | "rescreen";
                        };
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
    "/api/screening/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Screen a name in any script against every active list (ranked hits with explanations) */
        get: {
            parameters: {
                query?: {
                    birthDate?: string;
                    country?: string;
                    limit?: number;
                    q?: string;
                    schema?: "Person" | "Organization";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                countries: string[];
                                entityId: string;
                                entry: {
                                    addresses?: string[];
                                    birthDates: string[];
                                    contentHash: string;
                                    countries: string[];
                                    details?: {
                                        [key: string]: string | string[];
                                    };
                                    id: string;
                                    identifiers: {
                                        scheme: string;
                                        value: string;
                                    }[];
                                    listedOn?: string;
                                    names: {
                                        /** @enum {string} */
                                        kind: "primary" | "alias" | "weakAlias" | "former" | "originalScript";
                                        lang?: string;
                                        name: string;
                                    }[];
                                    position: number;
                                    programs: string[];
                                    remarks?: string;
                                    /** @enum {string} */
                                    schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                    snapshotId: string;
                                    source: string;
                                    sourceId: string;
                                } | null;
                                explanation: {
                                    crossScript?: {
                                        from: string;
                                        how: {
                                            en: string;
                                            ja: string;
                                        };
                                        list: string;
                                        to: string;
                                    }[];
                                    features: {
                                        contribution: number;
                                        detail?: {
                                            en: string;
                                            ja: string;
                                        };
                                        id: string;
                                        label: {
                                            en: string;
                                            ja: string;
                                        };
                                    }[];
                                    matchedName: string;
                                    queryName: string;
                                    summary: {
                                        en: string;
                                        ja: string;
                                    };
                                };
                                match: boolean;
                                name: string;
                                programs: string[];
                                /** @enum {string} */
                                schema: "Person" | "Organization" | "Vessel" | "Aircraft" | "Unknown";
                                score: number;
                                source: string;
                                sourceId: string;
                            }[];
                            snapshots: {
                                [key: string]: string;
                            };
                            threshold: number;
                        };
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
    "/api/screening/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The matching index (building / ready, entries, snapshots) and re-screening progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            index: {
                                buildMillis: number | null;
                                builtAt: string | null;
                                entityCount: number;
                                error: string | null;
                                progress: {
                                    entitiesAdded: number;
                                    entitiesTotal: number;
                                } | null;
                                rebuilding: boolean;
                                snapshots: {
                                    [key: string]: string;
                                };
                                /** @enum {string} */
                                state: "idle" | "building" | "ready" | "failed";
                            };
                            rescreens: {
                                error: string | null;
                                finishedAt: string | null;
                                id: string;
                                partiesWithNewHits: number;
                                processed: number;
                                snapshots: {
                                    [key: string]: string;
                                };
                                startedAt: string;
                                /** @enum {string} */
                                status: "running" | "done" | "failed" | "superseded";
                                total: number;
                            }[];
                            threshold: number;
                        };
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
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My tasks (assigned to me or to one of my roles) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "done" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assigneeRole: string | null;
                                assigneeUserId: string | null;
                                completedAt: string | null;
                                createdAt: string;
                                detail: {
                                    en: string;
                                    ja: string;
                                } | null;
                                dueAt: string | null;
                                entityId: string | null;
                                entityType: string | null;
                                id: string;
                                kind: string;
                                link: string | null;
                                /** @enum {string} */
                                status: "open" | "done" | "cancelled";
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
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
    "/api/tasks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tick off one of my tasks */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeRole: string | null;
                            assigneeUserId: string | null;
                            completedAt: string | null;
                            createdAt: string;
                            detail: {
                                en: string;
                                ja: string;
                            } | null;
                            dueAt: string | null;
                            entityId: string | null;
                            entityType: string | null;
                            id: string;
                            kind: string;
                            link: string | null;
                            /** @enum {string} */
                            status: "open" | "done" | "cancelled";
                            title: {
                                en: string;
                                ja: string;
                            };
                        };
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
    "/api/tasks/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Number of my open tasks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: number;
                        };
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
    "/api/training/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a module to people (by id, role or department) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        department?: string;
                        /** Format: date */
                        dueAt?: string;
                        /** Format: uuid */
                        moduleId: string;
                        roles?: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                        userIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            skipped: number;
                        };
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
    "/api/training/completions/{id}/certificate.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Certificate of a passed completion (person, module, score, date, expiry) as PDF */
        get: {
            parameters: {
                query?: {
                    lang?: "ja" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/training/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Completion and overdue training by module and department */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            departments: {
                                assigned: number;
                                completed: number;
                                department: string | null;
                                overdue: number;
                            }[];
                            modules: {
                                assigned: number;
                                attempts: number;
                                completed: number;
                                id: string;
                                overdue: number;
                                passRate: number | null;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            overdue: {
                                assignmentId: string;
                                daysOverdue: number;
                                department: string | null;
                                displayName: string;
                                dueAt: string;
                                moduleId: string;
                                moduleTitle: {
                                    en: string;
                                    ja: string;
                                };
                                reminders: number;
                                userId: string;
                            }[];
                            totals: {
                                assigned: number;
                                completed: number;
                                completionRate: number | null;
                                overdue: number;
                            };
                        };
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
    "/api/training/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My training record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            completions: {
                                completedAt: string;
                                expiresAt: string | null;
                                id: string;
                                moduleId: string;
                                moduleTitle: string;
                                passed: boolean;
                                percent: number;
                            }[];
                        };
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
    "/api/training/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training modules with my status on each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                cases: {
                                    id: string;
                                    slug: string;
                                    title: {
                                        en: string;
                                        ja: string;
                                    };
                                }[];
                                id: string;
                                mine: {
                                    dueAt: string | null;
                                    expiresAt: string | null;
                                    lastPassedAt: string | null;
                                    lastScore: number | null;
                                    /** @enum {string} */
                                    state: "not_assigned" | "due" | "overdue" | "passed" | "expired";
                                };
                                questionCount: number;
                                settings: {
                                    dueDays: number;
                                    passPercent: number;
                                    renewMonths: number | null;
                                    requiredFor: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                                };
                                slug: string;
                                /** @enum {string} */
                                status: "draft" | "published";
                                summary: {
                                    en: string;
                                    ja: string;
                                };
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a training module (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            caseSlugs: string[];
                            lessons: {
                                en: string;
                                ja: string;
                            }[];
                            quiz: {
                                correct: number;
                                explanation: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                options: {
                                    en: string;
                                    ja: string;
                                }[];
                                prompt: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            sources?: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            summary: {
                                en: string;
                                ja: string;
                            };
                            title: {
                                en: string;
                                ja: string;
                            };
                        };
                        settings: {
                            dueDays: number;
                            passPercent: number;
                            renewMonths: number | null;
                            requiredFor: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                        };
                        slug: string;
                        /** @enum {string} */
                        status: "draft" | "published";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtIn: boolean;
                            cases: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            lessons: {
                                en: string;
                                ja: string;
                            }[];
                            quiz: {
                                correct?: number;
                                explanation?: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                options: {
                                    en: string;
                                    ja: string;
                                }[];
                                prompt: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            settings: {
                                dueDays: number;
                                passPercent: number;
                                renewMonths: number | null;
                                requiredFor: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            };
                            slug: string;
                            sources: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "published";
                            summary: {
                                en: string;
                                ja: string;
                            };
                            title: {
                                en: string;
                                ja: string;
                            };
                            version: number;
                        };
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
    "/api/training/modules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Edit a training module (admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            caseSlugs: string[];
                            lessons: {
                                en: string;
                                ja: string;
                            }[];
                            quiz: {
                                correct: number;
                                explanation: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                options: {
                                    en: string;
                                    ja: string;
                                }[];
                                prompt: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            sources?: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            summary: {
                                en: string;
                                ja: string;
                            };
                            title: {
                                en: string;
                                ja: string;
                            };
                        };
                        settings: {
                            dueDays: number;
                            passPercent: number;
                            renewMonths: number | null;
                            requiredFor: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                        };
                        slug: string;
                        /** @enum {string} */
                        status: "draft" | "published";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtIn: boolean;
                            cases: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            lessons: {
                                en: string;
                                ja: string;
                            }[];
                            quiz: {
                                correct?: number;
                                explanation?: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                options: {
                                    en: string;
                                    ja: string;
                                }[];
                                prompt: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            settings: {
                                dueDays: number;
                                passPercent: number;
                                renewMonths: number | null;
                                requiredFor: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            };
                            slug: string;
                            sources: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "published";
                            summary: {
                                en: string;
                                ja: string;
                            };
                            title: {
                                en: string;
                                ja: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/modules/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One module (answers only for admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            builtIn: boolean;
                            cases: {
                                id: string;
                                slug: string;
                                title: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            id: string;
                            lessons: {
                                en: string;
                                ja: string;
                            }[];
                            quiz: {
                                correct?: number;
                                explanation?: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                options: {
                                    en: string;
                                    ja: string;
                                }[];
                                prompt: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                            settings: {
                                dueDays: number;
                                passPercent: number;
                                renewMonths: number | null;
                                requiredFor: ("applicant" | "unit_officer" | "secretariat" | "approver" | "auditor" | "admin")[];
                            };
                            slug: string;
                            sources: {
                                date: string;
                                publisher: string;
                                title: string;
                                url?: string;
                            }[];
                            /** @enum {string} */
                            status: "draft" | "published";
                            summary: {
                                en: string;
                                ja: string;
                            };
                            title: {
                                en: string;
                                ja: string;
                            };
                            version: number;
                        };
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
    "/api/training/modules/{key}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a started attempt: answers are option positions as that attempt displayed them (null = unanswered); graded once and recorded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers: (number | null)[];
                        /** Format: uuid */
                        attemptId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            completionId: string;
                            maxScore: number;
                            passed: boolean;
                            percent: number;
                            questions: {
                                chosen: number | null;
                                correct: number;
                                explanation: {
                                    en: string;
                                    ja: string;
                                };
                                id: string;
                                right: boolean;
                            }[];
                            score: number;
                        };
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
    "/api/training/modules/{key}/attempts/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a quiz attempt: the questions with their options in this attempt's random order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attemptId: string;
                            moduleVersion: number;
                            questions: {
                                id: string;
                                options: {
                                    en: string;
                                    ja: string;
                                }[];
                                prompt: {
                                    en: string;
                                    ja: string;
                                };
                            }[];
                        };
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
    "/api/training/records.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every quiz attempt as CSV (training records) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/training/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign required modules and remind people with overdue training now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigned: number;
                            reminded: number;
                        };
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
    "/api/training/requirements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Modules a person must have passed (and still current) before submitting a disclosure */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            disclosureModules: string[];
                        };
                    };
                };
            };
        };
        /** Set the modules a disclosure requires (published module slugs) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disclosureModules: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            disclosureModules: string[];
                        };
                    };
                };
            };
        };
        post?: never;
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
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Groups/{id}": {
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
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/scim/v2/ResourceTypes": {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/scim/v2/Schemas": {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/scim/v2/ServiceProviderConfig": {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/scim/v2/Users": {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users/{id}": {
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
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
