package com.example.testapi.bench.power;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.testapi.bench.Figures;

/**
 * The storage-wait model checked against requests that really wait: the main run measures each size with storage
 * calls that take no time (wait 0), and the model adds calls × wait to each of those requests; here function.zip
 * runs at a few sizes ({@code -Dbench.power.crossCheckSizes}, 512 and 1769) against a stand-in whose calls take the
 * documented wait, and the billed time it measures is set beside the model's, with the calls each request made.
 * Where the two differ, the CPU quota's idle time during a wait (a smaller size's requests then find more quota) is
 * what the model leaves out.
 */
final class StorageCrossCheck {

    private StorageCrossCheck() {
    }

    static Map<String, Object> run(SizeLauncher launcher, Path zip, List<Integer> sizes, int cores, long periodUs,
            SizeLauncher.Events events, SizeLauncher.Warm warm, int waitMs, Map<Integer, SizeFigures> figures,
            StorageEndpoint storage, Path work) throws Exception {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("run", true);
        check.put("waitMsPerCall", waitMs);
        Map<String, Object> bySize = new LinkedHashMap<>();
        try (StorageDelayProxy proxy = storage.proxy(waitMs, 0)) {
            for (int memory : sizes) {
                Map<String, Object> result = size(launcher, zip, LambdaSize.of(memory, cores), periodUs, events, warm,
                        figures.get(memory), storage.environment(proxy), proxy, work);
                System.out.println("storage cross-check at " + memory + " MB: " + result);
                bySize.put(Integer.toString(memory), result);
            }
        }
        check.put("sizes", bySize);
        return check;
    }

    private static Map<String, Object> size(SizeLauncher launcher, Path zip, LambdaSize size, long periodUs,
            SizeLauncher.Events events, SizeLauncher.Warm warm, SizeFigures atZero, Map<String, String> environment,
            StorageDelayProxy proxy, Path work) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        SizeLauncher.WarmRun run;
        try {
            run = launcher.launchWithStorage(zip, size, periodUs, events, warm,
                    work.resolve(size.memoryMb() + "mb-cross-check"), environment, proxy::calls);
        } catch (SizeLauncher.LaunchFailed e) {
            result.put("failed", e.getMessage());
            return result;
        }
        double callMs = Figures.median(proxy.callsMs());
        result.put("callsPerGet", Figures.round(run.getCalls(), 2));
        result.put("callsPerPost", Figures.round(run.postCalls(), 2));
        result.put("medianCallMs", Figures.round(callMs, 2));
        double measuredGet = SizeLauncher.meanBilled(run.get());
        double measuredPost = SizeLauncher.meanBilled(run.post());
        result.put("measuredBilledMsGet", Figures.round(measuredGet, 2));
        result.put("measuredBilledMsPost", Figures.round(measuredPost, 2));
        if (atZero != null && !atZero.getWallsSample.isEmpty()) {
            double modelGet = SizeLauncher.meanBilled(atZero.getWallsSample, run.getCalls() * callMs);
            double modelPost = SizeLauncher.meanBilled(atZero.postWallsSample, run.postCalls() * callMs);
            result.put("modelBilledMsGet", Figures.round(modelGet, 2));
            result.put("modelBilledMsPost", Figures.round(modelPost, 2));
            result.put("measuredOverModel", Map.of("get", Figures.round(measuredGet / modelGet, 2), "post",
                    Figures.round(measuredPost / modelPost, 2)));
        }
        result.put("cpuMsPerRequest", Map.of("get", Figures.round(run.getCpuMs(), 3), "post",
                Figures.round(run.postCpuMs(), 3)));
        return result;
    }
}
