#!/usr/bin/env python3
"""Offline SAM transform of template.yaml; fails unless every route of every HTTP API is protected by AWS_IAM.

cfn-lint checks the template's syntax, but `Auth: {EnableIamAuthorizer: true}` alone transforms cleanly and
leaves every route open: only the transformed OpenAPI body shows what API Gateway will enforce.
"""
import copy
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class OfflinePolicyLoader:
    """The real loader asks IAM for managed policy ARNs; offline, build them from their well-known names."""

    def load(self):
        names = ["AWSLambdaBasicExecutionRole", "AWSLambdaExecute", "AWSXrayWriteOnlyAccess"]
        return {name: f"arn:aws:iam::aws:policy/service-role/{name}" for name in names}


def local_code_to_s3(template):
    """`sam package` replaces local CodeUri values with S3 URIs; the transform refuses local paths."""
    for section in (template.get("Globals", {}).get("Function", {}),
                    *(r.get("Properties", {}) for r in template["Resources"].values())):
        uri = section.get("CodeUri")
        if isinstance(uri, str) and not uri.startswith("s3://"):
            section["CodeUri"] = "s3://offline-check/" + os.path.basename(uri)


def check(path, parameters):
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    local_code_to_s3(template)
    output = transform(copy.deepcopy(template), parameters, OfflinePolicyLoader())
    problems, routes = [], 0
    for name, resource in output["Resources"].items():
        if resource["Type"] != "AWS::ApiGatewayV2::Api":
            continue
        body = resource["Properties"].get("Body", {})
        # The browser app needs CORS; with it API Gateway answers preflights itself (no OPTIONS route, no auth).
        cors = body.get("x-amazon-apigateway-cors")
        if not cors or not cors.get("allowOrigins"):
            problems.append(f"{name}: no CORS configuration (x-amazon-apigateway-cors) in the transformed API")
        for route, methods in body.get("paths", {}).items():
            for method, operation in methods.items():
                routes += 1
                security = operation.get("security", [])
                if not any("AWS_IAM" in entry for entry in security):
                    problems.append(f"{name}: {method.upper()} {route} has no AWS_IAM security ({security})")
    if routes == 0:
        problems.append("no HTTP API routes found in the transformed template")
    problems += function_problems(output["Resources"])
    problems += trigger_problems(output["Resources"])
    return routes, problems


def trigger_problems(resources):
    """The user pool's trigger is a published version's alias (SnapStart applies to versions) that Cognito may call."""
    problems = []
    pools = [r for r in resources.values() if r["Type"] == "AWS::Cognito::UserPool"]
    for pool in pools:
        config = pool["Properties"].get("LambdaConfig", {}).get("PreTokenGenerationConfig")
        if not config:
            problems.append("the user pool has no pre-token-generation trigger")
            continue
        arn = config.get("LambdaArn", {})
        alias = resources.get(arn.get("Ref", "") if isinstance(arn, dict) else "", {})
        if alias.get("Type") != "AWS::Lambda::Alias":
            problems.append(f"the trigger's LambdaArn is not a Ref to the function's alias ({arn})")
        allowed = [r for r in resources.values() if r["Type"] == "AWS::Lambda::Permission"
                   and r["Properties"].get("Principal") == "cognito-idp.amazonaws.com"
                   and r["Properties"].get("FunctionName") == arn]
        if not allowed:
            problems.append("no AWS::Lambda::Permission lets cognito-idp.amazonaws.com invoke the trigger's alias")
    return problems


def function_problems(resources):
    """Each function traced (and allowed to send traces) and logging JSON, as the transform really writes them."""
    problems, functions = [], 0
    for name, resource in resources.items():
        if resource["Type"] != "AWS::Lambda::Function":
            continue
        functions += 1
        properties = resource["Properties"]
        if properties.get("TracingConfig", {}).get("Mode") != "Active":
            problems.append(f"{name}: no active tracing")
        if properties.get("LoggingConfig", {}).get("LogFormat") != "JSON":
            problems.append(f"{name}: logs not in JSON format")
        # Its log group must be a resource of the stack that the function depends on (a Ref), so it exists before
        # SnapStart's init writes the first line; else Lambda creates it and CloudFormation's create fails.
        group = properties.get("LoggingConfig", {}).get("LogGroup")
        if not (isinstance(group, dict) and resources.get(group.get("Ref"), {}).get("Type") == "AWS::Logs::LogGroup"):
            problems.append(f"{name}: LoggingConfig.LogGroup is not a Ref to a log group of the stack ({group})")
        role = resources[properties["Role"]["Fn::GetAtt"][0]]["Properties"]
        # SAM's generated roles get the managed policy; a role written out (the token trigger's, which the local
        # cloud evaluates) says it inline.
        inline = [statement for policy in role.get("Policies", [])
                  for statement in policy["PolicyDocument"]["Statement"]]
        if not (any("AWSXrayWriteOnlyAccess" in str(arn) for arn in role.get("ManagedPolicyArns", []))
                or any("xray:PutTraceSegments" in statement.get("Action", []) for statement in inline)):
            problems.append(f"{name}: its role may not send traces (AWSXrayWriteOnlyAccess or xray:PutTraceSegments)")
    # The transform keeps resources whatever their Condition: the three API functions, the trigger and the
    # authenticator watch (WatchAdminActions).
    if functions != 5:
        problems.append(f"expected five functions, found {functions}")
    return problems


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "template.yaml"
    failed = False
    # AllowedOrigins has no default (a deployer lists the app's origin), as sam deploy would require it.
    origin = {"AllowedOrigins": "https://app.example.com"}
    for name, parameters in (("jvm", {"Packaging": "jvm", **origin}), ("native", {"Packaging": "native", **origin}),
                             ("jvm, hosted app", {"Packaging": "jvm", "HostWebApp": "true", **origin}),
                             ("jvm, hosted UI", {"Packaging": "jvm", "HostedUiDomainPrefix": "testapi-ui", **origin,
                                                 "CallbackUrls": "https://app.example.com/",
                                                 "LogoutUrls": "https://app.example.com/"})):
        routes, problems = check(path, parameters)
        for problem in problems:
            print(f"FAIL [{name}] {problem}")
        failed |= bool(problems)
        if not problems:
            print(f"ok [{name}]: {routes} routes, all AWS_IAM, CORS configured; functions traced, JSON logs into their own log groups; the token trigger an alias Cognito may invoke")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
