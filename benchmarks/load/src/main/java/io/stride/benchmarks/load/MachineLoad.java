package io.stride.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * What the machine was doing while something was measured, from {@code /proc}: how busy the CPUs the run may use
 * were, how much time the hypervisor stole from them and how much they waited for I/O ({@code /proc/stat}), and how
 * many cores the platform's processes, this driver and everything else used ({@code /proc/<pid>/stat}). Lets a noisy
 * run be told from a slow change.
 */
final class MachineLoad {

    /** Ticks of {@code /proc/stat} of one CPU or a sum of CPUs. */
    record CpuTicks(long busy, long idle, long iowait, long steal) {

        static final CpuTicks ZERO = new CpuTicks(0, 0, 0, 0);

        /** A {@code cpu…} line: user nice system idle iowait irq softirq steal (guest time is within user). */
        static CpuTicks parse(String line) {
            String[] f = line.trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
            long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
            long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            return new CpuTicks(user + nice + system + irq + softirq, idle, iowait, steal);
        }

        long total() {
            return busy + idle + iowait + steal;
        }

        CpuTicks plus(CpuTicks other) {
            return new CpuTicks(busy + other.busy, idle + other.idle, iowait + other.iowait, steal + other.steal);
        }

        CpuTicks minus(CpuTicks other) {
            return new CpuTicks(busy - other.busy, idle - other.idle, iowait - other.iowait, steal - other.steal);
        }
    }

    /**
     * CPU ticks of a process: its own (all its threads) and those of its children it has waited for (an exited
     * ProducerPerformance's, for the driver; a finished build's, for a shell).
     */
    record ProcessTicks(long own, long children) {
    }

    /** The counters at one moment: the allowed CPUs' ticks and every process's CPU ticks. */
    record Snapshot(long nanos, CpuTicks allowed, int allowedCount, Map<Long, ProcessTicks> processTicks,
            Map<Long, String> ours) {

        /** A process's own ticks since {@code earlier} (all of them when it started since). */
        long ownSince(Snapshot earlier, long pid) {
            ProcessTicks then = earlier.processTicks.get(pid);
            return processTicks.get(pid).own() - (then == null ? 0 : then.own());
        }
    }

    /**
     * CPU use between two snapshots. Cores are CPU time divided by wall time (1.0 = one core busy all along).
     *
     * @param busyPercent   of the CPUs the run may use (the CPU limit's, else all)
     * @param stealPercent  time the hypervisor ran something else on those CPUs
     * @param iowaitPercent time those CPUs were idle waiting for I/O
     * @param platformCores the platform's processes (devstack servers, apps) and their descendants
     * @param driverCores   this driver and its children (ProducerPerformance)
     * @param otherCores    everything else on the allowed CPUs: other people's work
     * @param processCores  the platform's cores by process (a server's or app's name, its descendants included)
     */
    record Usage(double seconds, int cpus, double busyPercent, double stealPercent, double iowaitPercent,
            double platformCores, double driverCores, double otherCores, Map<String, Double> processCores) {

        /** CPU time in microseconds per item handled, of a process that used {@code cores} over this window. */
        double microsPerItem(double cores, long items) {
            return cores * seconds * 1e6 / items;
        }
    }

    private static final Path PROC = Path.of("/proc");

    private final Map<String, Long> platformPids;
    private final Set<Integer> allowedCpus;
    private final long driverPid = ProcessHandle.current().pid();

    MachineLoad(Map<String, Long> platformPids) {
        this.platformPids = platformPids;
        this.allowedCpus = allowedCpus(read(PROC.resolve("self/status")));
    }

    /** The CPUs this process may run on ({@code Cpus_allowed_list}), e.g. {@code 0} under {@code taskset -c 0}. */
    String allowedCpuList() {
        return compact(allowedCpus);
    }

    int allowedCpuCount() {
        return allowedCpus.size();
    }

    /**
     * Measures {@code work} and what the machine did meanwhile, once the platform has settled: until its processes use
     * less than {@value #SETTLED_CORES} cores over a second (at most {@value #MAX_SETTLE_SECONDS} s), so that a figure
     * does not depend on what the phase before left to digest (compacting a flooded changelog, flushing stores).
     */
    <T> Measured<T> during(Callable<T> work) throws Exception {
        double settled = settle();
        Snapshot before = snapshot();
        T value = work.call();
        return new Measured<>(value, between(before, snapshot()), settled);
    }

    /**
     * A measured value and the machine's load while it was measured.
     *
     * @param settleSeconds how long the platform took to settle before it was measured
     */
    record Measured<T>(T value, Usage usage, double settleSeconds) {
    }

    static final double SETTLED_CORES = 0.25;
    static final int MAX_SETTLE_SECONDS = 60;

    /** Waits until the platform uses less than {@link #SETTLED_CORES} over a second; the seconds it took. */
    private double settle() throws InterruptedException {
        long start = System.nanoTime();
        Snapshot previous = snapshot();
        while (System.nanoTime() - start < MAX_SETTLE_SECONDS * 1_000_000_000L) {
            Thread.sleep(1000);
            Snapshot now = snapshot();
            if (between(previous, now).platformCores() < SETTLED_CORES) {
                break;
            }
            previous = now;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    Snapshot snapshot() {
        long nanos = System.nanoTime();
        CpuTicks allowed = CpuTicks.ZERO;
        for (String line : read(PROC.resolve("stat")).split("\n")) {
            if (line.startsWith("cpu") && !line.startsWith("cpu ")) {
                int cpu = Integer.parseInt(line.substring(3, line.indexOf(' ')));
                if (allowedCpus.contains(cpu)) {
                    allowed = allowed.plus(CpuTicks.parse(line));
                }
            }
        }
        Map<Long, ProcessTicks> ticks = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                String stat = readOrNull(entry.resolve("stat"));
                if (stat != null) {
                    ticks.put(Long.parseLong(entry.getFileName().toString()), processTicks(stat));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return new Snapshot(nanos, allowed, allowedCpus.size(), ticks, ours());
    }

    Usage between(Snapshot from, Snapshot to) {
        CpuTicks cpu = to.allowed().minus(from.allowed());
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        // ticks of one CPU over the window: the clock that process ticks are counted in
        double ticksPerCpu = Math.max(1.0, (double) cpu.total() / to.allowedCount());
        long platform = 0;
        Map<String, Double> processCores = new LinkedHashMap<>();
        platformPids.keySet().forEach(name -> processCores.put(name, 0.0));
        for (long pid : to.processTicks().keySet()) {
            String name = to.ours().getOrDefault(pid, from.ours().get(pid));
            if (pid != driverPid && name != null) {
                long used = to.ownSince(from, pid);
                platform += used;
                processCores.merge(name, used / ticksPerCpu, Double::sum);
            }
        }
        ProcessTicks driverFrom = from.processTicks().get(driverPid);
        ProcessTicks driverTo = to.processTicks().get(driverPid);
        long driver = driverTo.own() + driverTo.children() - driverFrom.own() - driverFrom.children();
        double total = Math.max(1.0, cpu.total());
        return new Usage(seconds, to.allowedCount(), 100.0 * cpu.busy() / total, 100.0 * cpu.steal() / total,
                100.0 * cpu.iowait() / total, platform / ticksPerCpu, driver / ticksPerCpu,
                Math.max(0, cpu.busy() - platform - driver) / ticksPerCpu, processCores);
    }

    /** The {@code count} processes outside the run that used the most CPU between two snapshots, as text. */
    List<String> topOthers(Snapshot from, Snapshot to, int count) {
        CpuTicks cpu = to.allowed().minus(from.allowed());
        double ticksPerCpu = Math.max(1.0, (double) cpu.total() / to.allowedCount());
        List<Map.Entry<Long, Long>> others = new ArrayList<>();
        for (long pid : to.processTicks().keySet()) {
            if (pid != driverPid && !to.ours().containsKey(pid) && !from.ours().containsKey(pid)) {
                long used = to.ownSince(from, pid);
                if (used > 0) {
                    others.add(Map.entry(pid, used));
                }
            }
        }
        others.sort(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()));
        List<String> top = new ArrayList<>();
        for (Map.Entry<Long, Long> other : others.subList(0, Math.min(count, others.size()))) {
            String cmdline = readOrNull(PROC.resolve(other.getKey() + "/cmdline"));
            top.add(String.format(Locale.ROOT, "%.2f cores: pid %d `%s`", other.getValue() / ticksPerCpu,
                    other.getKey(), cmdline == null ? "(exited)" : describe(cmdline)));
        }
        return top;
    }

    /**
     * The platform's processes and their descendants (e.g. the devstack's Kafka and Apicurio JVMs, PostgreSQL's
     * backends), each with the name of its nearest named ancestor (itself, if it has a name).
     */
    private Map<Long, String> ours() {
        Map<Long, String> names = new HashMap<>();
        platformPids.forEach((name, pid) -> names.put(pid, name));
        Map<Long, String> ours = new HashMap<>(names);
        for (long pid : platformPids.values()) {
            ProcessHandle.of(pid).ifPresent(process -> process.descendants().forEach(child -> {
                Optional<ProcessHandle> ancestor = Optional.of(child);
                while (ancestor.isPresent() && !names.containsKey(ancestor.get().pid())) {
                    ancestor = ancestor.get().parent();
                }
                ours.put(child.pid(), ancestor.map(named -> names.get(named.pid())).orElse(names.get(pid)));
            }));
        }
        return ours;
    }

    /** utime + stime, cutime + cstime of a {@code /proc/<pid>/stat} line (the command may hold spaces). */
    static ProcessTicks processTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after the command: state(3) ppid … utime(14) stime(15) cutime(16) cstime(17), counted from field 3
        return new ProcessTicks(Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14]));
    }

    /** {@code Cpus_allowed_list} of a {@code /proc/<pid>/status}, e.g. {@code 0,2-3}. */
    static Set<Integer> allowedCpus(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Cpus_allowed_list:")) {
                Set<Integer> cpus = new TreeSet<>();
                for (String range : line.substring(line.indexOf(':') + 1).trim().split(",")) {
                    String[] ends = range.split("-");
                    int low = Integer.parseInt(ends[0].trim());
                    int high = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : low;
                    for (int cpu = low; cpu <= high; cpu++) {
                        cpus.add(cpu);
                    }
                }
                return cpus;
            }
        }
        throw new IllegalStateException("no Cpus_allowed_list in /proc/self/status");
    }

    /** A CPU set as a list, {@code 0-1} or {@code 0}. */
    static String compact(Set<Integer> cpus) {
        List<String> ranges = new ArrayList<>();
        Integer low = null;
        Integer high = null;
        for (int cpu : new TreeSet<>(cpus)) {
            if (high != null && cpu == high + 1) {
                high = cpu;
                continue;
            }
            if (low != null) {
                ranges.add(low.equals(high) ? low.toString() : low + "-" + high);
            }
            low = cpu;
            high = cpu;
        }
        if (low != null) {
            ranges.add(low.equals(high) ? low.toString() : low + "-" + high);
        }
        return String.join(",", ranges);
    }

    /** A command line without class paths, long paths cut to their last segments, at most 90 characters. */
    static String describe(String cmdline) {
        String[] args = cmdline.split("\0");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("-cp") || args[i].equals("-classpath")) && i + 1 < args.length) {
                i++;
                continue;
            }
            String arg = args[i];
            if (arg.startsWith("-D") || arg.startsWith("-X") || arg.startsWith("--enable") || arg.startsWith("--sun")) {
                continue;
            }
            String[] segments = arg.split("/");
            if (segments.length > 4) {
                arg = "…/" + String.join("/", List.of(segments).subList(segments.length - 3, segments.length));
            }
            text.append(text.isEmpty() ? "" : " ").append(arg);
        }
        return text.length() > 90 ? text.substring(0, 89) + "…" : text.toString();
    }

    private static String read(Path file) {
        String text = readOrNull(file);
        if (text == null) {
            throw new IllegalStateException("cannot read " + file);
        }
        return text;
    }

    private static String readOrNull(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
