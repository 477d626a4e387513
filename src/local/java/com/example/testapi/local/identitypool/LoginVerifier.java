package com.example.testapi.local.identitypool;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.example.testapi.local.userpool.LocalUserPool;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Checks the {@code Logins} map of GetId and GetCredentialsForIdentity as the identity pool does: the key must be a
 * provider the pool lists, the value an ID token that provider signed (signature, issuer, {@code token_use},
 * audience = a client id the pool lists for it, expiry), for a user that still exists when the provider asks for the
 * server-side token check. Refusals are {@code NotAuthorizedException} with Cognito's messages.
 */
final class LoginVerifier {

    /** A verified login: who, through which provider and client, and the role claims of the token. */
    record Login(String providerName, String clientId, String sub, String preferredRole, List<String> roles) {
    }

    private final IdentityPoolSettings settings;
    private final LocalUserPool userPool;
    private final Clock clock;

    LoginVerifier(IdentityPoolSettings settings, LocalUserPool userPool, Clock clock) {
        this.settings = settings;
        this.userPool = userPool;
        this.clock = clock;
    }

    Login verify(Map<String, String> logins) {
        if (logins.isEmpty()) {
            throw IdentityPoolErrors.notAuthorized("Unauthenticated access is not supported for this identity pool.");
        }
        Map.Entry<String, String> login = logins.entrySet().iterator().next();
        String providerName = providerName(login.getKey());
        List<IdentityPoolSettings.Provider> providers = settings.providers().stream()
                .filter(p -> p.providerName().equals(providerName)).toList();
        if (providers.isEmpty() || !providerName.equals(userPool.settings().providerName())) {
            throw IdentityPoolErrors.notAuthorized("Token is not from a supported provider of this identity pool.");
        }
        JWTClaimsSet claims = userPool.verifiedClaims(login.getValue())
                .orElseThrow(() -> IdentityPoolErrors.invalidLogin("Couldn't verify signed token."));
        try {
            if (!userPool.issuer().equals(claims.getIssuer())) {
                throw IdentityPoolErrors.invalidLogin("Issuer doesn't match providerName");
            }
            if (!"id".equals(claims.getStringClaim("token_use"))) {
                throw IdentityPoolErrors.invalidLogin("Not a valid OpenId Connect identity token.");
            }
            IdentityPoolSettings.Provider provider = providers.stream()
                    .filter(p -> claims.getAudience().contains(p.clientId())).findFirst()
                    .orElseThrow(() -> IdentityPoolErrors.invalidLogin("Incorrect token audience."));
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())) {
                throw IdentityPoolErrors.invalidLogin("Token expired: " + now.getEpochSecond() + " >= "
                        + (claims.getExpirationTime() == null ? 0 : claims.getExpirationTime().toInstant().getEpochSecond()));
            }
            String inactive = provider.serverSideTokenCheck() ? userPool.serverSideTokenCheck(claims) : null;
            if (inactive != null) {
                throw IdentityPoolErrors.invalidLogin(inactive);
            }
            List<String> roles = claims.getStringListClaim("cognito:roles");
            return new Login(providerName, provider.clientId(), claims.getSubject(),
                    claims.getStringClaim("cognito:preferred_role"), roles == null ? List.of() : roles);
        } catch (ParseException e) {
            throw IdentityPoolErrors.invalidLogin("Not a valid OpenId Connect identity token.");
        }
    }

    /**
     * The provider a Logins key names. Some clients (Amplify v6) build the key from the ID token's {@code iss} without
     * its scheme; in AWS that is the provider name itself. The local pool's issuer is its own URL, so that spelling of
     * its name ({@code 127.0.0.1:PORT/POOL_ID}) is taken for the provider name too.
     */
    private String providerName(String key) {
        String issuer = userPool.issuer();
        return key.equals(issuer.substring(issuer.indexOf("://") + 3)) ? userPool.settings().providerName() : key;
    }
}
