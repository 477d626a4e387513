package com.example.testapi.local.lambda;

/** Which back end runs each function of the template (by logical id): the gateway hands a route's event to its own. */
@FunctionalInterface
public interface FunctionBackends {

    FunctionBackend forFunction(String logicalId);

    /** One back end for every function: the code of the template's API functions, run once. */
    static FunctionBackends all(FunctionBackend backend) {
        return logicalId -> backend;
    }
}
