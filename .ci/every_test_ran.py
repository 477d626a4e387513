#!/usr/bin/env python3
"""Fails when a test class under src/test/java did not run: Surefire runs only *Test/Test*/*Tests/*TestCase and
Failsafe only *IT/IT*/*ITCase, and any other name is skipped silently. Every concrete class with a test method
must have a report (target/surefire-reports or target/failsafe-reports) with at least one test in it."""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

# Classes that cannot run here, each with its reason (anything else missing fails the build).
NOT_HERE = {
    "com.example.testapi.acceptance.DeployedStackAcceptanceIT":
        "needs a deployed stack and AWS credentials: ./mvnw verify -Dstack=NAME -Dregion=REGION",
}
TEST = re.compile(r"@(?:org\.junit\.jupiter\.(?:api|params)\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory)\b")
# Abstract classes and (top-level) interfaces hold test methods that run in the classes that extend or implement them.
ABSTRACT = re.compile(r"\babstract\s+class\b|^(?:public\s+)?interface\s", re.M)


def main():
    root = pathlib.Path("src/test/java")
    reports = {}
    for folder in ("target/surefire-reports", "target/failsafe-reports"):
        for report in pathlib.Path(folder).glob("TEST-*.xml"):
            suite = ET.parse(report).getroot()
            reports[suite.get("name")] = int(suite.get("tests", "0"))
    missing, empty, classes = [], [], 0
    for source in sorted(root.rglob("*.java")):
        text = source.read_text(encoding="utf-8")
        if not TEST.search(text) or ABSTRACT.search(text):
            continue
        classes += 1
        name = ".".join(source.relative_to(root).with_suffix("").parts)
        if name in NOT_HERE:
            print(f"not run here: {name} ({NOT_HERE[name]})")
        elif name not in reports:
            missing.append(name)
        elif reports[name] == 0:
            empty.append(name)
    for name in missing:
        print(f"FAIL {name}: has tests but no report; did its name escape Surefire's and Failsafe's patterns?")
    for name in empty:
        print(f"FAIL {name}: its report counts no test")
    if missing or empty:
        sys.exit(1)
    print(f"ok: all {classes - len([n for n in NOT_HERE])} test classes ran")


if __name__ == "__main__":
    main()
