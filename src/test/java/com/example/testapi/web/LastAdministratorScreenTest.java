package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import com.example.testapi.local.LocalUsers;
import com.example.testapi.support.AdminFunctionInTest;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * The last administrator in Chromium: ada and eve are administrators with TOTP; eve takes ada out of Admins (here
 * through the admin API, as another screen would). ada's session still holds the administrator role until its ID
 * token renews (an hour here), so her screen still works: she tries to demote and to disable eve, and the function
 * refuses both, because eve is the last enabled administrator with TOTP, and the screen shows why.
 */
@QuarkusTest
class LastAdministratorScreenTest {

    @Test
    void theLastEnabledAdministratorWithTotpCannotBeDemotedOrDisabled() throws Exception {
        try (TestCloud cloud = AppCloud.start(AppCloud.settings(Path.of("template.yaml"), Path.of("target", "web"),
                port -> Map.of()), LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE)));
                Browser ada = new Browser();
                CognitoIdentityProviderClient elsewhere = CognitoSdk.userPool(cloud.cloud)) {
            AdminFunctionInTest.install(cloud.cloud);
            String pool = cloud.cloud.outputs().get("UserPoolId");
            cloud.cloud.userPool().createUser("eve", "Eve-Str0ng-Passw0rd!", List.of("Admins"), null,
                    "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
            ada.signIn(cloud.cloud.webAppUri(), "ada", "Ada-Str0ng-Passw0rd!", AppCloud.ADA_TOTP_SECRET);
            ada.waitForText("users-status", " shown.");

            elsewhere.adminRemoveUserFromGroup(r -> r.userPoolId(pool).username("ada").groupName("Admins"));
            new Select(ada.field("Group of eve")).selectByVisibleText("ReadOnlyAccess");
            ada.button("Move eve").click();
            ada.waitForText("users-status", "eve is the last enabled administrator with two-factor sign-in");
            ada.button("Disable eve").click();
            ada.waitForText("users-status", "eve is the last enabled administrator with two-factor sign-in");
            ada.screenshot("admin-refused-last-administrator");

            assertEquals(List.of("Admins"), elsewhere.adminListGroupsForUser(r -> r.userPoolId(pool).username("eve"))
                    .groups().stream().map(GroupType::groupName).toList());
            assertEquals(true, elsewhere.adminGetUser(r -> r.userPoolId(pool).username("eve")).enabled());
            assertEquals(List.of(), ada.consoleErrors());
        }
    }
}
