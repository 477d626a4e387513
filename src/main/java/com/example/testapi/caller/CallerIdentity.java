package com.example.testapi.caller;

/**
 * Who is calling, as the API shows it ({@code caller} of GET /test) and keeps it with every item it stores
 * ({@code createdBy}, the audit trail). Nothing secret, nothing that changes per request.
 */
public record CallerIdentity(String role, String identityId, String userSub, String accountId) {
}
