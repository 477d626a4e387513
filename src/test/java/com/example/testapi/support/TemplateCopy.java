package com.example.testapi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.yaml.snakeyaml.Yaml;

import com.example.testapi.local.template.CfnYaml;
import com.example.testapi.local.template.SamTemplate;

/** Edited copies of template.yaml, to show that the local cloud takes its decisions from the template. */
public final class TemplateCopy {

    private TemplateCopy() {
    }

    /**
     * template.yaml with ID tokens of {@code minutes} (access tokens, and so ExpiresIn, stay 60): for tests of
     * renewals that take the ID token's lifetime from its exp.
     */
    public static Path withIdTokenMinutes(Path dir, int minutes) throws IOException {
        return of(dir, t -> SamTemplate.object(SamTemplate.object(SamTemplate.object(t.get("Resources"))
                .get("UserPoolClient")).get("Properties")).put("IdTokenValidity", minutes));
    }

    /**
     * template.yaml with a second app client of the user pool, {@code OtherAppClient}, a copy of UserPoolClient: for
     * tests of what one client may not do with another's sign-in.
     */
    public static Path withSecondAppClient(Path dir) throws IOException {
        return of(dir, t -> {
            Map<String, Object> resources = SamTemplate.object(t.get("Resources"));
            resources.put("OtherAppClient", resources.get("UserPoolClient"));
        });
    }

    /** A copy of template.yaml in {@code dir} with {@code edit} applied to its tree (intrinsics in long form). */
    public static Path of(Path dir, Consumer<Map<String, Object>> edit) throws IOException {
        Map<String, Object> template = CfnYaml.load(Path.of("template.yaml"));
        edit.accept(template);
        Path file = dir.resolve("template-" + System.nanoTime() + ".yaml");
        Files.writeString(file, new Yaml().dump(template));
        return file;
    }
}
