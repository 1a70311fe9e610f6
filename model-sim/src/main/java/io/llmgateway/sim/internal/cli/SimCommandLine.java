package io.llmgateway.sim.internal.cli;

import io.llmgateway.sim.FaultConfig;
import io.llmgateway.sim.GpuProfile;
import io.llmgateway.sim.GpuProfileFile;
import io.llmgateway.sim.SimNodeConfig;
import io.llmgateway.sim.internal.http.FaultConfigJson;
import io.llmgateway.sim.internal.protocol.Json;
import io.llmgateway.sim.internal.text.Seeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses {@code SimMain}'s arguments into node configs. Grammar:
 * <pre>
 * --node [ID@]PROFILE:PORT:MODEL[,MODEL...]   (repeatable; ID defaults to PROFILE-PORT)
 * --fault TARGET:KEY=VALUE[,KEY=VALUE...]      (repeatable; TARGET is a node id or a profile name/alias)
 * --seed N  --speed X  --host ADDR  --api-key KEY  --profiles FILE
 * </pre>
 */
public final class SimCommandLine {
    public static final String USAGE = """
            usage: SimMain --node [ID@]PROFILE:PORT:MODEL[,MODEL...] [--node ...]
                           [--fault TARGET:KEY=VALUE[,KEY=VALUE...]] [--seed N] [--speed X]
                           [--host ADDR] [--api-key KEY] [--profiles FILE]
              PROFILE  a100 | a10 | openai-api, or a name from --profiles FILE
              TARGET   a node id or a profile name/alias; KEY as in POST /admin/faults (- or _)
            example: --node a100:9001:Qwen2.5-72B-Instruct --node a10:9002:Qwen2.5-7B-Instruct,bge-m3 \\
                     --seed 42 --fault a10:error-rate=0.1""";

    private SimCommandLine() {
    }

    /** The node configs the arguments describe; fails with a message naming the bad argument. */
    public static List<SimNodeConfig> parse(String[] args) {
        List<String> nodes = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        long seed = 42;
        double speed = 1.0;
        String host = "127.0.0.1";
        String apiKey = null;
        GpuProfileFile profiles = GpuProfileFile.builtIn();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            i++;
            switch (flag) {
                case "--node" -> nodes.add(value);
                case "--fault" -> faults.add(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--speed" -> speed = Double.parseDouble(value);
                case "--host" -> host = value;
                case "--api-key" -> apiKey = value;
                case "--profiles" -> profiles = GpuProfileFile.read(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("give at least one --node");
        }
        List<SimNodeConfig> out = new ArrayList<>();
        for (String spec : nodes) {
            out.add(node(spec, profiles, host, seed, speed, apiKey));
        }
        for (String spec : faults) {
            out = applyFault(out, spec);
        }
        return out;
    }

    private static SimNodeConfig node(String spec, GpuProfileFile profiles, String host, long seed, double speed,
                                      String apiKey) {
        String id = null;
        String rest = spec;
        int at = spec.indexOf('@');
        if (at >= 0) {
            id = spec.substring(0, at);
            rest = spec.substring(at + 1);
        }
        String[] parts = rest.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            throw new IllegalArgumentException("--node " + spec + ": expected [ID@]PROFILE:PORT:MODEL[,MODEL...]");
        }
        GpuProfile profile = profiles.get(parts[0]);
        int port;
        try {
            port = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--node " + spec + ": port must be a number, was '" + parts[1] + "'");
        }
        String nodeId = id != null ? id : parts[0] + "-" + port;
        // Each node gets its own seed derived from the global one, so two nodes answer differently.
        return SimNodeConfig.builder().id(nodeId).host(host).port(port).profile(profile)
                .models(List.of(parts[2].split(","))).seed(Seeds.mix(seed, Seeds.hash(nodeId)))
                .speed(speed).apiKey(apiKey).build();
    }

    private static List<SimNodeConfig> applyFault(List<SimNodeConfig> nodes, String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--fault " + spec + ": expected TARGET:KEY=VALUE[,KEY=VALUE...]");
        }
        String target = spec.substring(0, colon);
        ObjectNode json = Json.object();
        for (String pair : spec.substring(colon + 1).split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--fault " + spec + ": '" + pair + "' is not KEY=VALUE");
            }
            String key = kv[0].trim().replace('-', '_');
            String v = kv[1].trim();
            if (v.equals("true") || v.equals("false")) {
                json.put(key, Boolean.parseBoolean(v));
            } else if (v.matches("-?\\d+")) {
                json.put(key, Long.parseLong(v));
            } else if (v.matches("-?\\d*\\.\\d+")) {
                json.put(key, Double.parseDouble(v));
            } else {
                json.put(key, v);
            }
        }
        List<SimNodeConfig> out = new ArrayList<>();
        boolean matched = false;
        for (SimNodeConfig n : nodes) {
            if (n.id().equals(target) || n.profile().answersTo(target)) {
                matched = true;
                ObjectNode merged = FaultConfigJson.write(n.faults());
                merged.setAll(json);
                FaultConfig faults;
                try {
                    faults = FaultConfigJson.parse(merged);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--fault " + spec + ": " + e.getMessage(), e);
                }
                out.add(n.toBuilder().faults(faults).build());
            } else {
                out.add(n);
            }
        }
        if (!matched) {
            throw new IllegalArgumentException("--fault " + spec + ": no node has id or profile '" + target + "'");
        }
        return out;
    }
}
