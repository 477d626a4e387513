package com.example.testapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The CLI's {@code admin} commands: one administration route each (docs/administration.md). */
final class AdminCommand {

    static final String USAGE = "users [NEXT_TOKEN] | create NAME [GROUP] | group NAME GROUP|none | "
            + "disable|enable|sign-out|reset-totp|reset-password NAME\n  (Admins: only once NAME's TOTP is on; "
            + "create in another group, then move. Leaving Admins, disable and reset-totp sign NAME out everywhere.)";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminCommand() {
    }

    static JsonNode run(TestApiClient client, String[] args) {
        if (args.length == 0) {
            return TestApiCli.usage("admin needs a command: " + USAGE);
        }
        String command = args[0];
        if (command.equals("users")) {
            return client.admin("GET", args.length > 1 ? "?nextToken=" + java.net.URLEncoder.encode(args[1],
                    java.nio.charset.StandardCharsets.UTF_8) : "", null);
        }
        if (args.length < 2) {
            return TestApiCli.usage("admin " + command + " needs a user NAME");
        }
        String name = "/" + java.net.URLEncoder.encode(args[1], java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return switch (command) {
            case "create" -> {
                ObjectNode body = MAPPER.createObjectNode().put("username", args[1]);
                body.put("group", args.length > 2 ? args[2] : null);
                yield client.admin("POST", "", body);
            }
            case "group" -> args.length < 3 ? TestApiCli.usage("admin group needs NAME and GROUP (or none)")
                    : client.admin("PUT", name + "/group", MAPPER.createObjectNode()
                            .put("group", args[2].equals("none") ? null : args[2]));
            case "disable", "enable", "sign-out", "reset-totp", "reset-password" ->
                client.admin("POST", name + "/" + command, null);
            default -> TestApiCli.usage("unknown admin command " + command + ": " + USAGE);
        };
    }
}
