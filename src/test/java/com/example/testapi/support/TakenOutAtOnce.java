package com.example.testapi.support;

import com.example.testapi.admin.UserPoolDirectory;
import com.example.testapi.local.LocalCloud;

/**
 * The race the last-administrator rule cannot see: a directory for the administration function that, while it takes
 * {@code target} out of a group, plays another administrator's request taking {@code other} out of Admins at that
 * same moment (between the function's check and its read-back), as Cognito, which has no transactions, lets happen.
 */
public final class TakenOutAtOnce {

    private TakenOutAtOnce() {
    }

    public static UserPoolDirectory directory(LocalCloud cloud, String target, String other) {
        String poolId = cloud.outputs().get("UserPoolId");
        return new UserPoolDirectory(LocalAdminFunction.functionClient(cloud), poolId) {
            @Override
            public void removeFromGroup(String name, String group) {
                super.removeFromGroup(name, group);
                if (name.equals(target)) {
                    try (var elsewhere = CognitoSdk.userPool(cloud)) {
                        elsewhere.adminRemoveUserFromGroup(r -> r.userPoolId(poolId).username(other)
                                .groupName("Admins"));
                    }
                }
            }
        };
    }
}
