package org.vetted.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml read as compose reads it, without Docker: YAML merge keys, and {@code ${...}} put in from an
 * env file (keygen's {@code .env}), so that a test runs a service with the very environment the file gives it.
 */
final class ComposeFile {
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}; or $$, a literal $. */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*)|(:?\\?)([^}]*))?}");

    private final Map<String, Object> services;

    @SuppressWarnings("unchecked")
    private ComposeFile(Map<String, Object> compose) {
        this.services = (Map<String, Object>) compose.get("services");
    }

    /** The project's docker-compose.yml, next to compose/. */
    static ComposeFile read() throws IOException {
        Path file = ComposeCluster.composeDir().getParent().resolve("docker-compose.yml");
        Map<String, Object> compose = new Yaml().load(Files.readString(file));
        return new ComposeFile(compose);
    }

    /** The environment of {@code service}, its variables put in from {@code dotEnv} as compose would. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service, Map<String, String> dotEnv) {
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        if (definition == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + service);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) definition.getOrDefault("environment", Map.of()))
                .forEach((name, value) ->
                        environment.put(name, interpolate(String.valueOf(value), dotEnv, service + "." + name)));
        return environment;
    }

    static String interpolate(String value, Map<String, String> dotEnv, String where) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String replacement;
            if (variable.group().equals("$$")) {
                replacement = "$";
            } else {
                String name = variable.group(1);
                String set = dotEnv.get(name);
                boolean colon = (variable.group(2) != null && variable.group(2).startsWith(":"))
                        || (variable.group(4) != null && variable.group(4).startsWith(":"));
                boolean missing = set == null || (colon && set.isEmpty());
                if (!missing) {
                    replacement = set;
                } else if (variable.group(2) != null) {
                    replacement = variable.group(3);
                } else if (variable.group(4) != null) {
                    throw new IllegalStateException(where + ": " + name + " not set: " + variable.group(5));
                } else {
                    replacement = "";
                }
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(out).toString();
    }

    /** A dotenv file as keygen writes it: NAME=value or NAME='value', comments and blank lines skipped. */
    static Map<String, String> parseEnvFile(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            env.put(line.substring(0, equals).trim(), value);
        }
        return env;
    }
}
