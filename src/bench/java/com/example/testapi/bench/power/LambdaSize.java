package com.example.testapi.bench.power;

import java.util.List;
import java.util.Map;

/**
 * What one Lambda memory size gives a Java function: a CPU share and a heap.
 *
 * <p>CPU: Lambda allocates CPU in proportion to memory, one full vCPU at 1,769 MB and more vCPUs above it
 * (docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html); here capped at this machine's cores, so a size
 * above {@code 1769 × cores} MB is reported with what the machine could give it ({@link #capped()}).
 *
 * <p>Heap: the java runtimes start the JVM with {@code -XX:MaxHeapSize} = 85 % of the memory size and no other
 * memory flag (the java17 runtime's recorded command line for 512 MB: {@code -XX:MaxHeapSize=445645k}, i.e. 0.85 ×
 * 512 × 1024 KiB; github.com/sigpwned/the-lambda-iceberg-dissecting-the-official-java-runtimes). A later flag
 * overrides the 512 MB one {@code PackagedFunction} starts with.
 */
record LambdaSize(int memoryMb, double lambdaVcpus, double cores) {

    /** Memory that buys one full vCPU. */
    static final int MB_PER_VCPU = 1769;

    static LambdaSize of(int memoryMb, int machineCores) {
        double vcpus = memoryMb / (double) MB_PER_VCPU;
        return new LambdaSize(memoryMb, vcpus, Math.min(vcpus, machineCores));
    }

    /** True when this machine could not give the size all the CPU Lambda would. */
    boolean capped() {
        return cores < lambdaVcpus;
    }

    /** The heap flag the runtime passes for this size (after the default one, so it wins). */
    List<String> jvmFlags() {
        return List.of("-XX:MaxHeapSize=" + Math.round(memoryMb * 1024 * 0.85) + "k");
    }

    /** The runtime's variable for the size (the function and its libraries may read it). */
    Map<String, String> environment() {
        return Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
    }
}
