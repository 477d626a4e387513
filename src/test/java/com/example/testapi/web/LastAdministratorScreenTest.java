package com.example.testapi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import com.example.testapi.local.LocalUsers;
import com.example.testapi.support.LocalAdminFunction;
import com.example.testapi.support.CognitoSdk;
import com.example.testapi.support.TakenOutAtOnce;
import com.example.testapi.support.TestCloud;

import io.quarkus.test.junit.QuarkusTest;

import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * The administrators' standing in Chromium, where the role in a session outlives a change made elsewhere: ada and eve
 * are administrators with TOTP. First eve takes ada out of Admins (here through the admin API, as another screen
 * would): ada's session still holds the Admins role until its ID token renews (an hour here), but the function reads
 * ada's standing at each action and refuses her, and the screen says why. Then, with ada back, ada and eve take each
 * other out at the same moment (the test plays eve's request inside ada's): ada's change finds no administrator left,
 * is undone, and the screen shows the last-administrator refusal.
 */
@QuarkusTest
class LastAdministratorScreenTest {

    @Test
    void aDemotedSessionAndTheLastAdministratorAreRefusedWithTheirReasons() throws Exception {
        try (TestCloud cloud = AppCloud.start(AppCloud.settings(Path.of("template.yaml"), Path.of("target", "web"),
                port -> Map.of()), LocalUsers.load(Path.of(LocalUsers.DEFAULT_FILE)));
                Browser ada = new Browser();
                CognitoIdentityProviderClient elsewhere = CognitoSdk.userPool(cloud.cloud)) {
            LocalAdminFunction.install(cloud.cloud);
            String pool = cloud.cloud.outputs().get("UserPoolId");
            cloud.cloud.userPool().createUser("eve", "Eve-Str0ng-Passw0rd!", List.of("Admins"), null,
                    "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
            ada.signIn(cloud.cloud.webAppUri(), "ada", "Ada-Str0ng-Passw0rd!", AppCloud.ADA_TOTP_SECRET);
            ada.waitForText("users-status", " shown.");

            elsewhere.adminRemoveUserFromGroup(r -> r.userPoolId(pool).username("ada").groupName("Admins"));
            ada.button("Disable eve").click();
            ada.waitForText("users-status", "You are no longer an enabled administrator with two-factor sign-in");
            ada.screenshot("admin-refused-no-longer-administrator");
            assertEquals(true, elsewhere.adminGetUser(r -> r.userPoolId(pool).username("eve")).enabled());

            elsewhere.adminAddUserToGroup(r -> r.userPoolId(pool).username("ada").groupName("Admins"));
            LocalAdminFunction.install(TakenOutAtOnce.directory(cloud.cloud, "eve", "ada"));
            new Select(ada.field("Group of eve")).selectByVisibleText("ReadOnlyAccess");
            ada.button("Move eve").click();
            ada.waitForText("users-status", "eve was the last enabled administrator with two-factor sign-in");
            ada.screenshot("admin-refused-last-administrator");

            assertEquals(List.of("Admins"), elsewhere.adminListGroupsForUser(r -> r.userPoolId(pool).username("eve"))
                    .groups().stream().map(GroupType::groupName).toList(), "ada's change undone");
            assertEquals(List.of(), ada.consoleErrors());
        }
    }
}
