package com.example.testapi.local.userpool;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code DescribeUserPool}: what a client or an operator reads of the pool's sign-in and MFA settings, from the
 * template as the local pool plays it (MfaConfiguration, the password policy, admin-only creation, account recovery,
 * the pre-token-generation trigger) and the pool's identity. Settings the local pool does not play are left out
 * rather than invented.
 */
final class PoolDescription {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PoolDescription() {
    }

    static ObjectNode describe(UserPoolSettings settings, String poolName, int users) {
        ObjectNode answer = MAPPER.createObjectNode();
        ObjectNode pool = answer.putObject("UserPool");
        pool.put("Id", settings.poolId()).put("Name", poolName)
                .put("Arn", "arn:aws:cognito-idp:" + settings.region() + ":123456789012:userpool/" + settings.poolId())
                .put("MfaConfiguration", settings.mfaConfiguration() == null ? "OFF" : settings.mfaConfiguration())
                .put("EstimatedNumberOfUsers", users);
        PasswordPolicy policy = settings.passwordPolicy();
        pool.putObject("Policies").putObject("PasswordPolicy").put("MinimumLength", policy.minimumLength())
                .put("RequireUppercase", policy.uppercase()).put("RequireLowercase", policy.lowercase())
                .put("RequireNumbers", policy.numbers()).put("RequireSymbols", policy.symbols());
        pool.putObject("AdminCreateUserConfig").put("AllowAdminCreateUserOnly", settings.adminCreateUserOnly());
        var mechanisms = pool.putObject("AccountRecoverySetting").putArray("RecoveryMechanisms");
        for (int i = 0; i < settings.recoveryMechanisms().size(); i++) {
            mechanisms.addObject().put("Priority", i + 1).put("Name", settings.recoveryMechanisms().get(i));
        }
        if (settings.preTokenGenerationFunction() != null) {
            String arn = "arn:aws:lambda:" + settings.region() + ":123456789012:function:local-"
                    + settings.preTokenGenerationFunction();
            ObjectNode lambda = pool.putObject("LambdaConfig").put("PreTokenGeneration", arn);
            lambda.putObject("PreTokenGenerationConfig").put("LambdaVersion", "V1_0").put("LambdaArn", arn);
        }
        return answer;
    }
}
