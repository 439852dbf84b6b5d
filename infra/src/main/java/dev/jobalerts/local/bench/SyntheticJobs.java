package dev.jobalerts.local.bench;

import dev.jobalerts.posting.Posting;
import dev.jobalerts.posting.Salary;
import dev.jobalerts.search.RemoteMode;
import dev.jobalerts.search.SavedSearch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded synthetic job postings and saved searches for the benchmark. Skills, roles and places are drawn with a
 * Zipf-like skew, as on real boards (many postings and searches mention Python, few mention Elixir), and the
 * descriptions carry the boilerplate that makes common words common.
 */
final class SyntheticJobs {
    /**
     * One kind of job: its own skills (most popular first), roles and areas. A board mixes kinds, and a nurse's
     * saved search rarely matches a developer's posting.
     */
    record Domain(String name, int percent, String[] skills, String[] roles, String[] areas, double[] skillCdf) {
        Domain(String name, int percent, String[] skills, String[] roles, String[] areas) {
            this(name, percent, skills, roles, areas, cdf(skills.length, 0.7));
        }
    }

    static final Domain[] DOMAINS = {
            new Domain("tech", 50, new String[] {"python", "java", "javascript", "sql", "aws", "react", "typescript", "c#", "kubernetes", "docker",
            "node.js", "go", "c++", ".net", "azure", "linux", "terraform", "postgresql", "spark", "kafka", "gcp",
            "django", "spring", "angular", "vue.js", "ruby", "rails", "php", "scala", "kotlin", "swift", "rust",
            "graphql", "redis", "mongodb", "mysql", "airflow", "snowflake", "tableau", "excel", "salesforce", "sap",
            "jenkins", "ansible", "git", "hadoop", "flask", "fastapi", "pytorch", "tensorflow", "pandas", "numpy",
            "elasticsearch", "rabbitmq", "grpc", "rest", "microservices", "ci/cd", "helm", "prometheus", "grafana",
            "datadog", "splunk", "jira", "figma", "sketch", "photoshop", "laravel", "symfony", "asp.net", "blazor",
            "xamarin", "flutter", "dart", "elixir", "erlang", "haskell", "clojure", "f#", "ocaml", "perl", "bash",
            "powershell", "matlab", "r", "sas", "spss", "looker", "dbt", "databricks", "bigquery", "redshift",
            "dynamodb", "cassandra", "neo4j", "webpack", "vite", "next.js", "nuxt", "svelte", "tailwind", "sass",
            "html", "css", "jquery", "bootstrap", "unity", "unreal", "opengl", "vulkan", "cuda", "verilog", "vhdl",
            "fpga", "embedded", "rtos", "autosar", "plc", "scada", "solidworks", "autocad", "revit", "catia",
            "sharepoint", "dynamics", "workday", "servicenow", "okta", "iam", "siem", "soc", "pci"},
                    new String[] {"engineer", "developer", "architect", "administrator", "tester", "scientist", "analyst",
                            "manager", "designer", "consultant"},
                    new String[] {"software", "data", "backend", "frontend", "full stack", "devops", "security", "mobile",
                            "cloud", "platform", "infrastructure", "machine learning", "qa", "site reliability", "network",
                            "database", "game", "embedded", "ux", "business intelligence"}),
            new Domain("health", 15, new String[] {
                    "rn", "bls", "acls", "epic", "icu", "emr", "patient care", "cerner", "phlebotomy", "triage",
                    "pediatrics", "oncology", "telemetry", "hipaa", "medicare", "medicaid", "icd-10", "cpt", "billing",
                    "medical coding", "pharmacy", "radiology", "surgery", "dialysis", "home health", "lpn", "cna",
                    "pals", "med-surg", "labor and delivery", "wound care", "infection control", "case management",
                    "utilization review", "behavioral health", "physical therapy", "occupational therapy", "mri", "ct",
                    "ultrasound"},
                    new String[] {"nurse", "technician", "assistant", "coordinator", "specialist", "therapist",
                            "pharmacist", "physician", "coder", "manager"},
                    new String[] {"clinical", "registered", "medical", "surgical", "emergency", "behavioral health",
                            "patient care", "home health", "pharmacy", "radiology"}),
            new Domain("finance", 15, new String[] {
                    "excel", "gaap", "cpa", "quickbooks", "sap", "netsuite", "reconciliation", "accounts payable",
                    "accounts receivable", "audit", "tax", "payroll", "budgeting", "forecasting", "sox", "ifrs",
                    "treasury", "underwriting", "compliance", "aml", "kyc", "cfa", "bloomberg", "xero", "oracle",
                    "financial modeling", "general ledger", "month-end close", "variance analysis", "cash flow",
                    "hyperion", "adaptive", "power bi", "vba", "risk management", "credit analysis", "fp&a",
                    "cost accounting", "fixed assets", "intercompany"},
                    new String[] {"accountant", "analyst", "controller", "auditor", "manager", "specialist", "clerk",
                            "advisor", "director", "bookkeeper"},
                    new String[] {"finance", "accounting", "tax", "audit", "payroll", "financial planning", "credit",
                            "risk", "treasury", "billing"}),
            new Domain("sales", 10, new String[] {
                    "salesforce", "hubspot", "crm", "b2b", "saas", "lead generation", "cold calling", "marketo", "seo",
                    "sem", "ppc", "google ads", "copywriting", "social media", "email marketing", "negotiation",
                    "account management", "pipeline", "quota", "enterprise sales", "inside sales", "outreach",
                    "gong", "linkedin", "content marketing", "brand", "events", "partnerships", "channel sales",
                    "market research"},
                    new String[] {"representative", "manager", "executive", "specialist", "coordinator", "director",
                            "strategist", "associate", "consultant", "lead"},
                    new String[] {"sales", "marketing", "account", "business development", "customer success",
                            "digital marketing", "brand", "growth", "demand generation", "partner"}),
            new Domain("operations", 10, new String[] {
                    "forklift", "osha", "lean", "six sigma", "inventory", "warehouse", "logistics", "procurement", "erp",
                    "scheduling", "cdl", "shipping", "receiving", "quality control", "iso 9001", "kanban", "dispatch",
                    "sap", "wms", "purchasing", "vendor management", "continuous improvement", "5s", "root cause",
                    "preventive maintenance", "plc", "blueprint reading", "welding", "hazmat", "pallet jack"},
                    new String[] {"associate", "supervisor", "manager", "coordinator", "driver", "operator", "planner",
                            "technician", "buyer", "lead"},
                    new String[] {"warehouse", "logistics", "operations", "manufacturing", "production", "supply chain",
                            "maintenance", "distribution", "fulfillment", "quality"})};
    private static final int[] DOMAIN_PERCENT_CDF = percentCdf();

    private static int[] percentCdf() {
        int[] cdf = new int[DOMAINS.length];
        int sum = 0;
        for (int i = 0; i < DOMAINS.length; i++) cdf[i] = sum += DOMAINS[i].percent();
        return cdf;
    }

    static final String[] LEVELS = {"senior", "junior", "lead", "principal", "staff", "head of", "intern", "associate"};
    static final String[] CITIES = {
            "New York, NY", "San Francisco, CA", "Austin, TX", "Seattle, WA", "Boston, MA", "Chicago, IL",
            "Charlotte, NC", "Denver, CO", "Atlanta, GA", "Los Angeles, CA", "Raleigh, NC", "Dallas, TX",
            "Portland, OR", "Miami, FL", "Phoenix, AZ", "Minneapolis, MN", "Pittsburgh, PA", "Salt Lake City, UT",
            "Toronto, ON", "Vancouver, BC", "London, UK", "Manchester, UK", "Berlin, Germany", "Munich, Germany",
            "Amsterdam, Netherlands", "Paris, France", "Dublin, Ireland", "Madrid, Spain", "Lisbon, Portugal",
            "Stockholm, Sweden", "Zürich, Switzerland", "Warsaw, Poland", "Bangalore, India", "Singapore",
            "Sydney, Australia", "Tel Aviv, Israel", "São Paulo, Brazil", "Mexico City, Mexico", "Tokyo, Japan",
            "Washington, DC"};
    static final String[] REMOTE_PLACES = {"Remote", "Remote - US", "Remote, Europe", "Anywhere", "Remote (Canada)"};
    private static final String[] TYPES = {"FULL_TIME", "FULL_TIME", "FULL_TIME", "CONTRACTOR", "PART_TIME", "INTERN", "TEMPORARY"};
    private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "GBP", "CAD"};
    private static final String[] FILLER = {
            "We are a fast-growing company on a mission to make work better for everyone.",
            "You will join a small, friendly team that ships every week.",
            "Our culture values ownership, curiosity and kindness.",
            "We offer competitive pay, health insurance, paid time off and a learning budget.",
            "We are an equal opportunity employer and value diversity at our company.",
            "All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, or national origin.",
            "You will collaborate with product, design and engineering to deliver great customer experiences.",
            "Strong written and verbal communication skills are required.",
            "Experience working in an agile environment is a plus.",
            "This role reports to the head of the department.",
            "Travel up to 10% may be required.",
            "Hybrid: three days a week in the office, two from home.",
            "Benefits include a 401(k) match, parental leave and a home office stipend.",
            "You enjoy solving hard problems and mentoring others.",
            "Bachelor's degree in computer science or equivalent experience preferred.",
            "Please include a cover letter with your application.",
            "Visa sponsorship is not available for this position.",
            "We review every application and reply within two weeks.",
            "On-call rotation shared across the team.",
            "You care about quality, testing and documentation.",
            "Our stack is modern and we pay down technical debt, e.g. through regular refactoring.",
            "Must be able to work in the United States without sponsorship.",
            "Experience in fintech, healthcare or e-commerce is nice to have.",
            "You will own features from design to production."};
    private static final String[] SYLLABLES = {
            "ac", "me", "glo", "bex", "ini", "tech", "vel", "ora", "nex", "ta", "zen", "lum", "qua", "dra", "sol",
            "cor", "via", "bri", "ton", "fy", "ly", "ex", "io", "ra", "mo", "sta", "gri", "pho", "ner", "kin"};
    private static final String[] SUFFIXES = {"", "", " Inc", " Labs", " Systems", " Health", " Group", " Technologies", " Corp"};

    private final Random random;
    private final String[] companies;
    private final LocalDate today;

    SyntheticJobs(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
        this.companies = new String[3000];
        for (int i = 0; i < companies.length; i++) companies[i] = companyName();
    }

    /** Index in [0, n) skewed towards 0: P(i) roughly proportional to 1/(i+1). */
    private int zipf(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, u)) - 1);
    }

    /**
     * A skill with P(i) proportional to 1/(i+1)^0.7: the most common one is in about a quarter of postings (as
     * Python is on a tech-heavy board), the long tail in a fraction of a percent.
     */
    private String skill(Domain domain) {
        return domain.skills()[draw(domain.skillCdf())];
    }

    private Domain domain() {
        int roll = random.nextInt(100);
        for (int i = 0; i < DOMAINS.length; i++) {
            if (roll < DOMAIN_PERCENT_CDF[i]) return DOMAINS[i];
        }
        return DOMAINS[0];
    }
    /** The biggest city has about 15% of the on-site postings. */
    private static final double[] CITY_CDF = cdf(CITIES.length, 0.8);
    /** The biggest employer posts about 3% of the postings. */
    private static final double[] COMPANY_CDF = cdf(3000, 0.7);

    private int cityIndex() {
        return draw(CITY_CDF);
    }

    private int company() {
        return draw(COMPANY_CDF);
    }

    private int draw(double[] cdf) {
        int at = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, at >= 0 ? at : -at - 1);
    }

    private static double[] cdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, exponent);
        for (int i = 0; i < n; i++) cdf[i] /= sum;
        return cdf;
    }

    private static String display(String word) {
        return word.length() <= 3 || word.contains(".") ? word.toUpperCase(Locale.ROOT).replace(".JS", ".js")
                : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String companyName() {
        StringBuilder name = new StringBuilder();
        int parts = 2 + random.nextInt(2);
        for (int i = 0; i < parts; i++) name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
        return name + SUFFIXES[random.nextInt(SUFFIXES.length)];
    }

    List<Posting> postings(int count) {
        List<Posting> postings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) postings.add(posting(i));
        return postings;
    }

    /**
     * Postings whose descriptions run on with more of the boilerplate until they are at least {@code minDescriptionChars}
     * long: real boards' descriptions are a few thousand characters, and what a store reads grows with them.
     */
    List<Posting> postings(int count, int minDescriptionChars) {
        List<Posting> postings = new ArrayList<>(count);
        for (Posting p : postings(count)) {
            StringBuilder text = new StringBuilder(p.description());
            while (text.length() < minDescriptionChars) text.append(text.length() % 5 == 0 ? "\n\n" : " ").append(FILLER[random.nextInt(FILLER.length)]);
            postings.add(new Posting(p.id(), p.url(), p.title(), p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(),
                    p.salary(), text.toString(), p.source()));
        }
        return postings;
    }

    private Posting posting(int n) {
        Domain domain = domain();
        String level = random.nextInt(3) == 0 ? "" : LEVELS[zipf(LEVELS.length)] + " ";
        String area = random.nextInt(4) == 0 ? "" : domain.areas()[zipf(domain.areas().length)] + " ";
        String role = domain.roles()[zipf(domain.roles().length)];
        List<String> skills = new ArrayList<>(new LinkedHashSet<>(List.of(skill(domain), skill(domain), skill(domain), skill(domain))));
        String title = capitalise(level + area + role) + (random.nextInt(4) == 0 ? " (" + display(skills.get(0)) + ")" : "");
        String company = companies[company()];
        boolean remote = random.nextInt(4) == 0;
        String location = remote ? REMOTE_PLACES[random.nextInt(REMOTE_PLACES.length)] : CITIES[cityIndex()];
        StringBuilder text = new StringBuilder();
        text.append(company).append(" is looking for a ").append(level).append(area).append(role)
                .append(" to join our team in ").append(location).append(".\n\n");
        text.append("What you will do: build and run ").append(area.isEmpty() ? "our products" : area.strip() + " systems")
                .append(" with ").append(join(skills.subList(0, Math.min(3, skills.size())))).append(".\n\n");
        text.append("Requirements: ").append(2 + random.nextInt(8)).append("+ years of experience with ")
                .append(join(skills)).append(".\n\n");
        int fillers = 4 + random.nextInt(10);
        for (int i = 0; i < fillers; i++) text.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
        Salary salary = random.nextInt(5) < 2 ? salary() : null;
        String type = random.nextInt(5) == 0 ? null : TYPES[random.nextInt(TYPES.length)];
        String date = random.nextInt(4) == 0 ? null : today.minusDays(random.nextInt(45)).toString();
        return new Posting("post-" + n, "https://jobs.example/" + n, title, company, location, remote, type, date,
                salary, text.toString().strip(), "synthetic");
    }

    private Salary salary() {
        if (random.nextInt(5) == 0) {
            double hourly = 20 + random.nextInt(100);
            return new Salary(hourly, hourly + random.nextInt(30), "USD", "HOUR");
        }
        double low = 40_000 + 5_000 * random.nextInt(30);
        return new Salary(low, low + 10_000 * (1 + random.nextInt(6)), CURRENCIES[random.nextInt(CURRENCIES.length)], "YEAR");
    }

    private String join(List<String> skills) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < skills.size(); i++) {
            if (i > 0) joined.append(i == skills.size() - 1 ? " and " : ", ");
            joined.append(display(skills.get(i)));
        }
        return joined.toString();
    }

    private static String capitalise(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.strip().split(" ")) {
            if (out.length() > 0) out.append(' ');
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    List<SavedSearch> searches(int count) {
        List<SavedSearch> searches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) searches.add(search(i));
        return searches;
    }

    /**
     * 1 to 6 terms: a skill or two, often a role or area (sometimes as a phrase or title: group), sometimes an OR
     * of alternatives, a prefix or exclusions. 10% have filters only; 30% filter by location.
     */
    private SavedSearch search(int n) {
        boolean filterOnly = random.nextInt(10) == 0;
        String query = filterOnly ? "" : query(domain());
        // A one-word query is usually narrowed by place; overall 30% of searches filter by location.
        boolean oneWord = !query.isEmpty() && !query.contains(" ");
        boolean byLocation = oneWord ? random.nextInt(10) < 6 : random.nextInt(100) < 28;
        List<String> locations = null;
        RemoteMode remote = null;
        if (byLocation) {
            locations = new ArrayList<>();
            int places = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
            for (int i = 0; i < places; i++) locations.add(city());
            remote = random.nextInt(3) == 0 ? RemoteMode.INCLUDE : random.nextInt(4) == 0 ? RemoteMode.EXCLUDE : RemoteMode.ANY;
        } else if (random.nextInt(8) == 0) {
            remote = RemoteMode.ONLY;
        }
        // Filter-only searches are mostly "anything at this company", else a place narrowed by type and pay.
        boolean byCompany = filterOnly ? random.nextInt(10) < 6 || !byLocation : random.nextInt(50) == 0;
        List<String> companies = byCompany ? List.of(this.companies[company()]) : null;
        List<String> exclude = random.nextInt(20) == 0 ? List.of(this.companies[company()]) : null;
        Double minSalary = random.nextInt(filterOnly ? 2 : 10) == 0 ? 60_000.0 + 10_000 * random.nextInt(12) : null;
        String currency = minSalary != null && random.nextBoolean() ? "USD" : null;
        Integer days = random.nextInt(10) == 0 ? 1 + random.nextInt(30) : null;
        List<String> types = random.nextInt(filterOnly ? 2 : 10) == 0 ? List.of("FULL_TIME") : null;
        return new SavedSearch("search-" + n, query, locations, remote, companies, exclude, minSalary, currency, days, types);
    }

    private String city() {
        String city = CITIES[cityIndex()];
        return random.nextInt(3) == 0 ? city : city.substring(0, city.indexOf(',') < 0 ? city.length() : city.indexOf(','));
    }

    private String query(Domain domain) {
        String[] roles = domain.roles();
        List<String> parts = new ArrayList<>();
        parts.add(term(skill(domain)));
        int shape = random.nextInt(20);
        if (shape < 6) parts.add(term(skill(domain)));
        if (shape >= 6 && shape < 12) parts.add(role(domain));
        if (shape == 12) {
            parts.add("(" + term(skill(domain)) + " OR " + term(skill(domain))
                    + (random.nextBoolean() ? " OR " + term(skill(domain)) : "") + ")");
        }
        if (shape == 13) parts.add("title:(" + LEVELS[random.nextInt(3)] + " OR " + LEVELS[random.nextInt(3)] + ")");
        if (shape == 14) {
            String role = roles[zipf(roles.length)];
            parts.add(role.substring(0, Math.min(role.length(), 5)) + "*");
        }
        if (shape >= 15 && shape < 19) {
            parts.add(role(domain));
            parts.add(term(skill(domain)));
        }
        if (random.nextInt(5) == 0) {
            parts.add("-" + (random.nextBoolean() ? LEVELS[zipf(LEVELS.length)].split(" ")[0] : term(skill(domain))));
        }
        if (random.nextInt(12) == 0) parts.add("NOT " + roles[zipf(roles.length)]);
        if (random.nextInt(10) == 0) {
            parts.add(0, "\"" + domain.areas()[zipf(domain.areas().length)] + " " + roles[zipf(roles.length)] + "\"");
        }
        return String.join(" ", parts.subList(0, Math.min(parts.size(), 6)));
    }

    private String role(Domain domain) {
        String area = domain.areas()[zipf(domain.areas().length)];
        String role = domain.roles()[zipf(domain.roles().length)];
        return switch (random.nextInt(4)) {
            case 0 -> "\"" + area + " " + role + "\"";
            case 1 -> "title:" + role;
            case 2 -> role;
            default -> area.contains(" ") ? "\"" + area + "\"" : area;
        };
    }

    /** A skill as a subscriber types it: sometimes capitalised, quoted when it is several words. */
    private String term(String skill) {
        String typed = random.nextInt(4) == 0 ? display(skill) : skill;
        return typed.contains(" ") ? "\"" + typed + "\"" : typed;
    }

}
