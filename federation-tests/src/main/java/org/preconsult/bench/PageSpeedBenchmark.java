package org.preconsult.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.federation.faults.NodeApi;
import org.preconsult.federation.faults.NodeProcess;

/**
 * How fast the web UI's pages are at the size of a large government: one node process (the
 * production JVM settings) holding 10,000 plans and 100,000 catalogue entries, loaded through the
 * node's own API. Every page is requested by a signed-in browser-like client (session cookie,
 * Accept-Language), in English and in Korean, round-robin so that the machine's load falls on all
 * pages alike; {@code /health} (the same HTTP stack, no data) is timed side by side as the
 * baseline. Prints p50, p95 and max per page with the ratio of its p95 to the baseline's, then the
 * JavaScript each page loads (its scripts and their module imports, bytes as served).
 *
 * <p>{@code java -cp ... org.preconsult.bench.PageSpeedBenchmark [plans] [entries] [rounds] [import batch]}
 * (defaults 10000 100000 100 5000); each import request's time is printed as it is loaded.
 */
public final class PageSpeedBenchmark {

    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("(?:import|from)\\s*['\"]([^'\"]+\\.js)['\"]");
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** One page as a user asks for it: who, which language, the path, and an optional form body. */
    record Page(String label, String user, String path, String formBody) {
    }

    private PageSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        var root = Files.createTempDirectory("preconsult-page-bench-");
        var node = new NodeProcess("central", "Ministry of the Interior", "CENTRAL", null, root, Map.of(),
                List.of("-Xmx2g", "-Xss512k"));
        try {
            node.start();
            node.awaitUp(Duration.ofSeconds(180));
            var api = new NodeApi(node);
            for (String role : List.of("COORDINATOR", "REVIEWER", "AUDITOR")) {
                api.createUser(role.toLowerCase(), role);
            }
            var dev = DevSet.load(DevSet.devDir());
            long started = System.nanoTime();
            String entryId = loadCatalogue(api, dev, entries, batch);
            System.out.printf("catalogue: %,d entries imported in %.1f s%n", entries, seconds(started));
            started = System.nanoTime();
            var ids = loadPlans(api, dev, plans);
            System.out.printf("plans: %,d drafted, %,d submitted, %,d decided in %.1f s%n", plans, ids.submitted().size(),
                    ids.decided(), seconds(started));
            String caseId = api.get("reviewer", "/api/v1/review-cases?status=OPEN&size=1").json().get("items").get(0)
                    .get("id").asText();
            measure(node, api, entryId, ids, caseId, rounds);
        } finally {
            node.stop();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Imports the dev catalogue, then generated entries, up to {@code size} in requests of
     * {@code importBatch} entries; prints each request's time; returns a real entry's id.
     */
    private static String loadCatalogue(NodeApi api, DevSet dev, int size, int importBatch) {
        var generator = new RedundancySpeedBenchmark.Generator(dev.catalogue(), 20261204L, "en");
        List<Map<String, Object>> all = new ArrayList<>();
        for (CatalogueEntry entry : dev.catalogue()) {
            if (all.size() < size) {
                all.add(item(entry, entry.id()));
            }
        }
        for (long next = 0; all.size() < size; next++) {
            all.add(item(generator.entry(next), "gen-" + next));
        }
        long total = System.nanoTime();
        for (int from = 0; from < all.size(); from += importBatch) {
            var batch = all.subList(from, Math.min(all.size(), from + importBatch));
            long t0 = System.nanoTime();
            var reply = api.call("operator", "POST", "/api/v1/catalogue/entries", batch, null);
            if (!reply.ok()) {
                throw new IllegalStateException("import answered " + reply.status() + ": " + reply.json());
            }
            System.out.printf("  imported %,d entries in %.1f s (%,.0f entries/s so far)%n", from + batch.size(),
                    seconds(t0), (from + batch.size()) / seconds(total));
        }
        return dev.catalogue().get(0).id();
    }

    private static Map<String, Object> item(CatalogueEntry entry, String id) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("kind", entry.kind().name());
        item.put("owner", entry.owner() == null ? "Generated Government" : entry.owner());
        item.put("name", entry.name());
        item.put("description", entry.description());
        item.put("functions", entry.functions());
        item.put("language", entry.language() == null ? "en" : entry.language());
        item.put("status", "ACTIVE");
        return item;
    }

    /** The plans loaded: a draft, the submitted ones, and how many were decided. */
    record PlanIds(String draft, List<String> submitted, int decided) {
    }

    /** Drafts {@code count} plans from the dev set's plan texts; submits one in five; decides one in four of those. */
    private static PlanIds loadPlans(NodeApi api, DevSet dev, int count) throws Exception {
        var texts = dev.queries();
        List<String> submitted = java.util.Collections.synchronizedList(new ArrayList<>());
        var firstDraft = new String[1];
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    var text = texts.get(i % texts.size()).plan();
                    Map<String, Object> plan = new LinkedHashMap<>();
                    plan.put("title", text.title() + " " + (i / texts.size() + 1));
                    plan.put("purpose", text.description());
                    plan.put("functions", text.functions().isEmpty() ? List.of("case management") : text.functions());
                    plan.put("functionCode", "GEN");
                    plan.put("budget", 50_000_000 + (i % 97) * 1_000_000);
                    plan.put("plannedStart", "2027-03-01");
                    plan.put("plannedEnd", "2027-12-31");
                    plan.put("platform", "Java web application");
                    plan.put("language", "en");
                    plan.put("submittingDepartment", "Department " + (i % 40));
                    plan.put("contactPerson", "Contact " + i);
                    var reply = api.call("coordinator", "POST", "/api/v1/plans", plan, null);
                    if (reply.status() != 201) {
                        throw new IllegalStateException("draft answered " + reply);
                    }
                    String id = reply.json().get("id").asText();
                    if (i == 0) {
                        firstDraft[0] = id;
                    } else if (i % 5 == 1) {
                        var submission = api.call("coordinator", "POST", "/api/v1/plans/" + id + "/submission", null, null);
                        if (!submission.ok()) {
                            throw new IllegalStateException("submission answered " + submission);
                        }
                        submitted.add(id);
                    }
                }
                return null;
            }));
        }
        for (var w : work) {
            w.get();
        }
        // Decide one submitted plan in four, as a reviewer would, so that decided pages have content.
        int decided = 0;
        int target = submitted.size() / 4;
        while (decided < target) {
            var items = api.get("reviewer", "/api/v1/review-cases?status=OPEN&size=200").json().get("items");
            if (items.isEmpty()) {
                break;
            }
            for (int k = 0; k < items.size() && decided < target; k++) {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("outcome", "UNCONDITIONAL_APPROVAL");
                decision.put("reasons", List.of("No existing system covers this plan."));
                decision.put("overrideReason", "The reviewer's judgement.");
                var reply = api.call("reviewer", "POST", "/api/v1/review-cases/" + items.get(k).get("id").asText()
                        + "/decision", decision, null);
                if (!reply.ok()) {
                    throw new IllegalStateException("decision answered " + reply);
                }
                decided++;
            }
        }
        pool.shutdown();
        return new PlanIds(firstDraft[0], List.copyOf(submitted), decided);
    }

    /** A browser-like client of one user: signed in through the sign-in form, cookies kept. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        final String language;

        Browser(String base, String user, String password, String language) throws Exception {
            this.base = base;
            this.language = language;
            var form = get("/sign-in").body();
            var csrf = csrfOf(form);
            var reply = post("/sign-in", "_csrf=" + enc(csrf) + "&next=%2F&username=" + enc(user) + "&password=" + enc(password));
            if (reply.statusCode() != 303) {
                throw new IllegalStateException("sign-in of " + user + " answered " + reply.statusCode());
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept-Language", language);
        }
    }

    private static String csrfOf(String html) {
        Matcher m = HIDDEN_CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void measure(NodeProcess node, NodeApi api, String entryId, PlanIds ids, String caseId, int rounds)
            throws Exception {
        String submitted = ids.submitted().get(ids.submitted().size() - 1);
        String draft = ids.draft();
        List<Page> pages = List.of(
                new Page("baseline /health", null, "/health", null),
                new Page("plan list", "coordinator", "/plans", null),
                new Page("plan (submitted)", "coordinator", "/plans/" + submitted, null),
                new Page("plan form", "coordinator", "/plans/" + draft + "/edit", null),
                new Page("autosave + check", "coordinator", "/plans/" + draft + "/autosave", ""),
                new Page("new plan", "coordinator", "/plans/new", null),
                new Page("catalogue search", "coordinator", "/catalogue?q=" + enc("building permit application"), null),
                new Page("catalogue search (ko)", "coordinator", "/catalogue?q=" + enc("건축허가"), null),
                new Page("catalogue entry", "coordinator", "/catalogue/entry?id=" + enc(entryId), null),
                new Page("review queue", "reviewer", "/cases", null),
                new Page("review case", "reviewer", "/cases/" + caseId, null),
                new Page("users", "operator", "/operator/users", null),
                new Page("federation status", "operator", "/operator/federation", null),
                new Page("audit trail", "auditor", "/audit", null));
        Map<String, String> passwords = Map.of("coordinator", "coordinator-fault-pw", "reviewer", "reviewer-fault-pw",
                "auditor", "auditor-fault-pw", "operator", "operator-password");
        System.out.printf("%nload average before measuring: %s%n", loadAverage());
        for (String language : List.of("en", "ko")) {
            Map<String, Browser> browsers = new LinkedHashMap<>();
            for (var user : passwords.entrySet()) {
                browsers.put(user.getKey(), new Browser(node.url(), user.getKey(), user.getValue(), language));
            }
            var anonymous = HttpClient.newHttpClient();
            String autosaveForm = autosaveForm(browsers.get("coordinator"), draft);
            Map<Page, long[]> times = new LinkedHashMap<>();
            for (Page page : pages) {
                times.put(page, new long[rounds]);
            }
            for (int round = -10; round < rounds; round++) {
                for (Page page : pages) {
                    long t0 = System.nanoTime();
                    int status;
                    if (page.user() == null) {
                        status = anonymous.send(HttpRequest.newBuilder(URI.create(node.url() + page.path())).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode();
                    } else if (page.formBody() != null) {
                        status = browsers.get(page.user()).post(page.path(), autosaveForm).statusCode();
                    } else {
                        status = browsers.get(page.user()).get(page.path()).statusCode();
                    }
                    long elapsed = System.nanoTime() - t0;
                    if (status != 200) {
                        throw new IllegalStateException(page.label() + " answered " + status);
                    }
                    if (round >= 0) {
                        times.get(page)[round] = elapsed;
                    }
                }
            }
            System.out.printf("%nlanguage %s, %d rounds (10 warm-up rounds not counted), load average %s%n", language, rounds,
                    loadAverage());
            System.out.printf("%-24s %9s %9s %9s %12s%n", "page", "p50 ms", "p95 ms", "max ms", "p95 / base");
            double baseP95 = percentile(times.get(pages.get(0)), 0.95);
            for (var e : times.entrySet()) {
                double p95 = percentile(e.getValue(), 0.95);
                System.out.printf("%-24s %9.1f %9.1f %9.1f %12.1f%n", e.getKey().label(), percentile(e.getValue(), 0.50),
                        p95, percentile(e.getValue(), 1.0), p95 / baseP95);
            }
            if (language.equals("en")) {
                printScripts(browsers, pages);
            }
        }
    }

    /** The edit form's fields as the page script sends them, with a changed purpose. */
    private static String autosaveForm(Browser coordinator, String draft) throws Exception {
        var html = coordinator.get("/plans/" + draft + "/edit").body();
        return "_csrf=" + enc(csrfOf(html)) + "&title=" + enc("Building permit application portal")
                + "&purpose=" + enc("Residents apply for building permits online and follow the review of their application.")
                + "&functions=" + enc("online application\nstatus tracking") + "&functionCode=GEN&budget=120000000"
                + "&plannedStart=2027-03-01&plannedEnd=2027-12-31&platform=Java&language=en"
                + "&submittingDepartment=Planning&contactPerson=Jane";
    }

    private static void printScripts(Map<String, Browser> browsers, List<Page> pages) throws Exception {
        System.out.printf("%n%-24s %8s %12s%n", "page", "scripts", "JS bytes");
        for (Page page : pages) {
            if (page.user() == null || page.formBody() != null) {
                continue;
            }
            var browser = browsers.get(page.user());
            Set<String> seen = new LinkedHashSet<>();
            List<String> queue = new ArrayList<>();
            Matcher m = SCRIPT.matcher(browser.get(page.path()).body());
            while (m.find()) {
                queue.add(m.group(1));
            }
            long bytes = 0;
            while (!queue.isEmpty()) {
                String src = queue.remove(0);
                if (!seen.add(src)) {
                    continue;
                }
                var body = browser.get(src).body();
                bytes += body.getBytes(StandardCharsets.UTF_8).length;
                Matcher imports = IMPORT.matcher(body);
                while (imports.find()) {
                    String target = imports.group(1);
                    queue.add(target.startsWith("/") ? target : src.substring(0, src.lastIndexOf('/') + 1) + target.replaceFirst("^\\./", ""));
                }
            }
            System.out.printf("%-24s %8d %12d%n", page.label(), seen.size(), bytes);
        }
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
