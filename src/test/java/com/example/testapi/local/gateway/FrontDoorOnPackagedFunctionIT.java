package com.example.testapi.local.gateway;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import com.example.testapi.local.lambda.FunctionBackend;
import com.example.testapi.local.lambda.PackagedFunction;

/**
 * The matrix against what is deployed: target/function.zip run by the AWS runtime interface client against the
 * local Runtime API, as the java25 runtime runs it. Runs after `package`.
 */
class FrontDoorOnPackagedFunctionIT extends FrontDoorMatrix {

    @Override
    protected FunctionBackend startBackend() throws Exception {
        Path work = Path.of("target", "it-packaged-function");
        java.nio.file.Files.createDirectories(work);
        PackagedFunction function = PackagedFunction.start(PackagedFunction.Launch
                .of(Path.of("target", "function.zip"), work).withLog(new File(work.toFile(), "function.log")));
        function.awaitReady(Duration.ofSeconds(60));
        return function;
    }
}
