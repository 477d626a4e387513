package com.example.testapi.bench.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The report of {@code ./mvnw -Pfuzz package}: the two random-input suites, run with the profile's case counts and
 * seeds (SignedRequestMutationTest against the local gateway, RandomRequestsIT against function.zip), read back from
 * their Surefire/Failsafe reports into target/bench/fuzz.json: cases, seed and every failure. Exits 1 on any failure
 * (a 5xx, a wrong 2xx, a broken contract), so the build fails too.
 */
public final class FuzzReport {

    private static final Map<String, String> SUITES = Map.of(
            "signedRequestMutations", "target/surefire-reports/TEST-com.example.testapi.local.gateway.SignedRequestMutationTest.xml",
            "contractInputs", "target/failsafe-reports/TEST-com.example.testapi.acceptance.RandomRequestsIT.xml");

    private FuzzReport() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "./mvnw -Pfuzz package");
        int failures = 0;
        for (var suite : new java.util.TreeMap<>(SUITES).entrySet()) {
            Map<String, Object> figures = read(Path.of(suite.getValue()));
            figures.put("seed", Long.getLong(suite.getKey().equals("contractInputs") ? "random.seed" : "mutation.seed",
                    20261126L));
            failures += ((List<?>) figures.get("failures")).size();
            report.put(suite.getKey(), figures);
        }
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("fuzz.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println("Fuzz report: " + out + " (" + failures + " failures)");
        if (failures > 0) {
            System.exit(1);
        }
    }

    /** Cases run, time taken, and each failing case's name and message, from one JUnit XML report. */
    static Map<String, Object> read(Path xml) throws Exception {
        if (!Files.isRegularFile(xml)) {
            throw new IllegalStateException("no report " + xml + ": the suite did not run");
        }
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getDocumentElement();
        List<Map<String, String>> failures = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            for (String kind : List.of("failure", "error")) {
                NodeList problems = testCase.getElementsByTagName(kind);
                if (problems.getLength() > 0) {
                    failures.add(Map.of("case", testCase.getAttribute("name"), "kind", kind,
                            "message", ((Element) problems.item(0)).getAttribute("message")));
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", cases.getLength());
        figures.put("seconds", Double.parseDouble(suite.getAttribute("time")));
        figures.put("failures", failures);
        return figures;
    }
}
