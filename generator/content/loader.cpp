#include "content/loader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <fstream>
#include <sstream>

#include "common/crew.h"
#include "common/url_policy.h"
#include "content/encoding.h"
#include "common/site_files.h"
#include "content/ids.h"
#include "content/record_cache.h"
#include "content/yaml_reader.h"
#include "markdown/markdown.h"

namespace lotse {

namespace fs = std::filesystem;

namespace {

const std::initializer_list<std::string_view> kAudience = {
    "newcomers", "women", "parents", "children", "youth", "adults", "seniors", "professionals"};
const std::initializer_list<std::string_view> kCourseTypes = {
    "integration", "integration-youth", "integration-parents", "integration-women", "literacy",
    "support",     "intensive",         "second-script",       "job-language",      "other"};

std::string display_path(const fs::path& p) { return p.lexically_normal().generic_string(); }

bool read_file(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// A page as Windows editors save it, with a byte order mark and CR LF line ends, read as if it had
// neither: both are invisible in an editor, so lines and columns stay where it shows them.
std::string normalised(std::string_view text) {
    text = without_bom(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != '\r' || i + 1 == text.size() || text[i + 1] != '\n') out += text[i];
    return out;
}

// One record file being read: its text (to place Markdown links exactly) and its context.
class SourceFile {
public:
    SourceFile(std::string path, std::string text, Diagnostics& diags, std::string source_language)
        : ctx{std::move(path), diags, std::move(source_language)}, text_(std::move(text)) {
        // YAML's positions do not count a byte order mark; neither do the ones found here.
        text_.erase(0, text_.size() - without_bom(text_).size());
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') line_starts_.push_back(i + 1);
        ctx.set_text(text_);
    }
    SourceFile(const SourceFile&) = delete;  // ctx refers to the text
    SourceFile& operator=(const SourceFile&) = delete;

    FileContext ctx;
    const std::string& text() const { return text_; }

    // Finds where `needle` first occurs in the file from `from` on; `from` if it does not.
    SourcePos locate(const SourcePos& from, std::string_view needle) const {
        if (from.line < 1 || static_cast<std::size_t>(from.line) > line_starts_.size()) return from;
        // Columns count characters, not bytes, so that editors show the same place.
        std::size_t start = line_starts_[from.line - 1];
        for (int column = 1; column < from.column && start < text_.size() && text_[start] != '\n'; ++column) {
            ++start;
            while (start < text_.size() && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) ++start;
        }
        const std::size_t at = text_.find(needle, std::min(start, text_.size()));
        if (at == std::string::npos) return from;
        const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), at) - line_starts_.begin();
        int column = 1;
        for (std::size_t i = line_starts_[line - 1]; i < at; ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
        return {ctx.path, static_cast<int>(line), column};
    }

    void collect_links(const LocalisedText& markdown, std::vector<Located>& out) const {
        for (const auto& [language, body] : markdown.by_language) {
            const SourcePos start = markdown.positions.at(language);
            for (const markdown::Link& link : markdown::links(body))
                out.push_back({link.url, locate(start, link.url)});
        }
    }

private:
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

Address read_address(MapReader& m) {
    Address a;
    a.street = m.string("street").value_or("");
    a.postcode = m.string("postcode").value_or("");
    a.city = m.string("city").value_or("");
    a.district = m.string("district").value_or("");
    a.lat = m.number("lat");
    a.lon = m.number("lon");
    return a;
}

const std::initializer_list<std::string_view> kAddressKeys = {"street", "postcode", "city", "district", "lat", "lon"};

std::optional<Address> read_address_node(const FileContext& ctx, const YAML::Node& node) {
    MapReader m(ctx, node, "location", kAddressKeys);
    if (!m.valid()) return std::nullopt;
    return read_address(m);
}

Location read_location(const FileContext& ctx, MapReader& record) {
    Location loc;
    YAML::Node n = record.node("location");
    if (!n.IsDefined()) return loc;
    loc.pos = position(ctx, n);
    if (n.IsScalar()) {
        if (n.Scalar() == "provider") loc.kind = Location::Kind::provider;
        else if (n.Scalar() == "online") loc.kind = Location::Kind::online;
        else
            ctx.diags.error(loc.pos, "\"location\" cannot be \"" + n.Scalar() +
                                         "\"; use provider (the provider's address), online, or an address "
                                         "{street: …, postcode: …, city: …, district: …}");
        return loc;
    }
    if (auto a = read_address_node(ctx, n)) {
        loc.kind = Location::Kind::address;
        loc.address = *a;
    }
    return loc;
}

std::optional<Fee> read_fee(const FileContext& ctx, MapReader& record) {
    YAML::Node n = record.node("fee");
    if (!n.IsDefined()) return std::nullopt;
    Fee fee;
    fee.pos = position(ctx, n);
    if (n.IsScalar()) {
        double amount = -1;
        if (YAML::convert<double>::decode(n, amount) && amount == 0) return fee;
        ctx.diags.error(fee.pos, "\"fee\" must be 0 (free of charge) or an amount such as "
                                 "{amount: 25.00, currency: EUR}; found \"" + n.Scalar() + "\"");
        return std::nullopt;
    }
    MapReader m(ctx, n, "fee", {"amount", "currency"});
    if (!m.valid()) return std::nullopt;
    auto amount = m.number("amount", Need::required);
    auto currency = m.string("currency", Need::required);
    if (!amount || !currency) return std::nullopt;
    const bool iso4217 = currency->size() == 3 &&
                         std::all_of(currency->begin(), currency->end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!iso4217) {
        ctx.diags.error(position(ctx, m.node("currency")),
                        "\"currency\" must be a three-letter ISO 4217 code such as EUR; found \"" + *currency + "\"");
        return std::nullopt;
    }
    if (*amount < 0) {
        ctx.diags.error(position(ctx, m.node("amount")), "\"amount\" cannot be negative");
        return std::nullopt;
    }
    fee.free = *amount == 0;
    fee.amount = *amount;
    fee.currency = *currency;
    return fee;
}

std::vector<TimeSlot> read_slots(const FileContext& ctx, MapReader& record, std::string_view key, Need need) {
    std::vector<TimeSlot> out;
    YAML::Node n = record.node(key, need);
    if (!n.IsDefined()) return out;
    if (!n.IsSequence()) {
        std::string message = "\"";
        message += key;
        message += "\" must be a list of slots such as - {days: [mon, tue], from: \"08:30\", to: \"12:00\"}";
        ctx.diags.error(position(ctx, n), message);
        return out;
    }
    for (const auto& item : n) {
        MapReader m(ctx, item, "time slot", {"days", "from", "to", "note"});
        if (!m.valid()) continue;
        TimeSlot slot;
        slot.pos = m.pos();
        for (const Located& d : m.words("days", Need::required, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}))
            slot.days.push_back(*parse_weekday(d.value));
        auto from = m.node("from", Need::required);
        auto to = m.node("to", Need::required);
        auto f = from.IsDefined() ? read_time(ctx, from, "from") : std::nullopt;
        if (f && *f == 24 * 60) {
            ctx.diags.error(position(ctx, from), "\"from\" is 24:00, the end of a day; a time slot can end at 24:00 but "
                                                 "begins at 00:00 at the earliest");
            f.reset();
        }
        auto t = to.IsDefined() ? read_time(ctx, to, "to") : std::nullopt;
        slot.note = m.text("note");
        if (!f || !t) continue;
        slot.from = *f;
        slot.to = *t;
        out.push_back(std::move(slot));
    }
    return out;
}

// A field whose value becomes a link on the site (a url, e-mail or phone field): a value the URL
// policy does not allow is an error at its position and stays off the site.
std::string address_field(MapReader& m, std::string_view key, AddressUse use) {
    const std::optional<Located> field = m.located(key);
    if (!field) return "";
    if (auto problem = address_problem("\"" + std::string(key) + "\"", field->value, use)) {
        m.file().diags.error(field->pos, *problem);
        return "";
    }
    return field->value;
}

// The tags of `words` that are language tags; the others are reported at their position.
std::vector<Located> language_tags(const FileContext& ctx, std::vector<Located> words) {
    std::erase_if(words, [&](const Located& w) {
        if (is_language_tag(w.value)) return false;
        ctx.diags.error(w.pos, not_a_language_tag(w.value));
        return true;
    });
    return words;
}

void read_common(const SourceFile& file, MapReader& m, Record& r) {
    if (YAML::Node c = m.node("checked", Need::required); c.IsDefined()) {
        r.checked_pos = position(file.ctx, c);
        r.checked = read_date(file.ctx, c, "checked");
    }
    r.description = m.text("description");
    file.collect_links(r.description, r.markdown_links);
}

Provider read_provider(const SourceFile& file, MapReader& m) {
    Provider p;
    read_common(file, m, p);
    p.name = m.text("name", Need::required);
    p.short_name = m.string("short_name").value_or("");
    if (YAML::Node loc = m.node("location"); loc.IsDefined()) p.location = read_address_node(file.ctx, loc);
    p.phone = address_field(m, "phone", AddressUse::phone);
    p.email = address_field(m, "email", AddressUse::email);
    p.url = address_field(m, "url", AddressUse::web);
    p.accessible = m.boolean("accessible");
    return p;
}

Offer read_offer(const SourceFile& file, MapReader& m) {
    Offer o;
    read_common(file, m, o);
    o.title = m.text("title", Need::required);
    o.summary = m.text("summary", Need::required);
    o.provider = m.located("provider", Need::required).value_or(Located{});
    o.life_phases = m.words("life_phases", Need::required);
    o.topics = m.words("topics", Need::required);
    o.audience = m.words("audience", Need::optional, kAudience);
    o.languages = language_tags(file.ctx, m.words("languages"));
    o.location = read_location(file.ctx, m);
    if (YAML::Node d = m.node("dates"); d.IsDefined()) {
        MapReader dates(file.ctx, d, "dates", {"from", "until"});
        o.dates.pos = dates.pos();
        o.dates.from = dates.date("from");
        o.dates.until = dates.date("until");
    }
    o.fee = read_fee(file.ctx, m);
    o.fee_note = m.text("fee_note");
    o.childcare = m.boolean("childcare");
    o.url = address_field(m, "url", AddressUse::web);
    o.contact = m.located("contact").value_or(Located{});
    return o;
}

Level read_level(const FileContext& ctx, MapReader& record) {
    Level level;
    YAML::Node n = record.node("level", Need::required);
    if (!n.IsDefined()) return level;
    MapReader m(ctx, n, "level", {"from", "to"});
    level.pos = m.pos();
    if (!m.valid()) return level;
    const std::initializer_list<std::string_view> kCefr = {"A1", "A2", "B1", "B2", "C1", "C2"};
    level.from = m.one_of("from", kCefr, Need::required).value_or("");
    level.to = m.one_of("to", kCefr, Need::required).value_or("");
    return level;
}

Course read_course(const SourceFile& file, MapReader& m) {
    Course c;
    read_common(file, m, c);
    c.type = m.located("type", Need::required).value_or(Located{});
    if (!c.type.value.empty() && std::find(kCourseTypes.begin(), kCourseTypes.end(), c.type.value) == kCourseTypes.end()) {
        std::vector<std::string_view> types(kCourseTypes);
        std::string hint;
        if (auto guess = closest(c.type.value, types)) hint = "; did you mean \"" + std::string(*guess) + "\"?";
        file.ctx.diags.error(c.type.pos, "\"type\" cannot be \"" + c.type.value + "\"" + hint + " Allowed: " + joined(types));
        c.type.value.clear();
    }
    c.title = m.text("title");
    c.provider = m.located("provider", Need::required).value_or(Located{});
    c.level = read_level(file.ctx, m);
    if (auto start = m.date("start", Need::required)) c.start = *start;
    if (YAML::Node e = m.node("end", Need::required); e.IsDefined()) {
        c.end_pos = position(file.ctx, e);
        if (auto end = read_date(file.ctx, e, "end")) c.end = *end;
    }
    c.schedule = read_slots(file.ctx, m, "schedule", Need::optional);
    c.lessons = m.integer("lessons");
    c.mode = m.one_of("mode", {"in-person", "online", "hybrid"}).value_or("in-person");
    c.location = read_location(file.ctx, m);
    c.childcare = m.boolean("childcare");
    c.seats = m.one_of("seats", {"open", "few", "waitlist", "full"}).value_or("");
    c.fee = read_fee(file.ctx, m);
    c.fee_note = m.text("fee_note");
    if (YAML::Node r = m.node("registration"); r.IsDefined()) {
        MapReader reg(file.ctx, r, "registration", {"phone", "email", "url", "deadline"});
        if (reg.valid()) {
            Registration out;
            out.phone = address_field(reg, "phone", AddressUse::phone);
            out.email = address_field(reg, "email", AddressUse::email);
            out.url = address_field(reg, "url", AddressUse::web);
            out.deadline = reg.date("deadline");
            c.registration = out;
        }
    }
    c.life_phases = m.words("life_phases");
    c.topics = m.words("topics");
    return c;
}

Contact read_contact(const SourceFile& file, MapReader& m) {
    Contact c;
    read_common(file, m, c);
    c.name = m.text("name", Need::required);
    c.organisation = m.located("organisation", Need::required).value_or(Located{});
    c.person = m.string("person").value_or("");
    c.topics = m.words("topics", Need::required);
    c.life_phases = m.words("life_phases", Need::required);
    c.audience = m.words("audience", Need::optional, kAudience);
    c.languages = language_tags(file.ctx, m.words("languages"));
    c.location = read_location(file.ctx, m);
    c.phone = address_field(m, "phone", AddressUse::phone);
    c.email = address_field(m, "email", AddressUse::email);
    c.url = address_field(m, "url", AddressUse::web);
    c.hours = read_slots(file.ctx, m, "hours", Need::optional);
    c.appointment = m.one_of("appointment", {"required", "recommended", "none"}).value_or("");
    return c;
}

Pathway read_pathway(const SourceFile& file, MapReader& m) {
    Pathway p;
    read_common(file, m, p);
    p.title = m.text("title", Need::required);
    p.summary = m.text("summary");
    p.life_phases = m.words("life_phases", Need::required);
    p.topics = m.words("topics", Need::required);
    YAML::Node steps = m.node("steps", Need::required);
    if (!steps.IsDefined()) return p;
    if (!steps.IsSequence() || steps.size() == 0) {
        file.ctx.diags.error(position(file.ctx, steps), "\"steps\" must be a list with at least one step such as - {title: …, links: [course/…]}");
        return p;
    }
    for (const auto& item : steps) {
        MapReader s(file.ctx, item, "pathway step", {"title", "text", "links"});
        if (!s.valid()) continue;
        PathwayStep step;
        step.title = s.text("title", Need::required);
        step.text = s.text("text");
        file.collect_links(step.text, p.markdown_links);
        for (const Located& link : s.words("links")) {
            const auto slash = link.value.find('/');
            if (slash == std::string::npos) {
                file.ctx.diags.error(link.pos, "link \"" + link.value + "\" must name a kind and an id, such as course/vhs-ik-vormittag");
                continue;
            }
            step.links.push_back({link.value.substr(0, slash), link.value.substr(slash + 1), link.pos});
        }
        p.steps.push_back(std::move(step));
    }
    return p;
}

void read_site(const fs::path& site_dir, Diagnostics& diags, Content& content) {
    const fs::path p = site_dir / "content" / "site.yaml";
    SiteConfig& site = content.site;
    site.path = display_path(p);
    std::string text;
    const EntryKind kind = site_entry(p, site_dir, &diags, site.path);
    if (kind == EntryKind::unusable) return;
    if (kind != EntryKind::file || !read_file(p, text)) {
        diags.error({site.path, 0, 0}, "the site settings are missing; create content/site.yaml with title, source_language and languages");
        return;
    }
    check_utf8(site.path, text, diags);
    FileContext ctx{site.path, diags, ""};
    ctx.set_text(without_bom(text));
    auto root = parse_yaml(ctx, text);
    if (!root) return;
    MapReader m(ctx, *root, "site settings",
                {"title", "tagline", "source_language", "languages", "base_url", "region", "review_after_days", "contact"});
    if (!m.valid()) return;
    // The source language decides how plain strings are read, so it is read first. A tag that is
    // not one is reported here, once: everything that depends on it is left unchecked.
    if (auto source = m.located("source_language", Need::required)) {
        site.source_language_pos = source->pos;
        if (is_language_tag(source->value)) site.source_language = source->value;
        else diags.error(source->pos, not_a_language_tag(source->value));
    }
    ctx.source_language = site.source_language;
    site.title = m.text("title", Need::required);
    site.tagline = m.text("tagline");
    site.languages = language_tags(ctx, m.words("languages", Need::required));
    site.base_url = address_field(m, "base_url", AddressUse::web);
    // Page paths are appended to it, so it ends in a folder and carries no ?… or #… part.
    if (site.base_url.find_first_of("?#") != std::string::npos) {
        diags.error(m.located("base_url")->pos,
                    "\"base_url\" cannot have a query (?…) or a fragment (#…): the pages' paths are added to it");
        site.base_url.clear();
    }
    if (!site.base_url.empty() && site.base_url.back() != '/') site.base_url += '/';
    site.region = m.string("region").value_or("");
    site.review_after_days = m.integer("review_after_days").value_or(180);
    if (YAML::Node c = m.node("contact"); c.IsDefined()) {
        MapReader contact(ctx, c, "contact", {"email", "phone"});
        site.email = address_field(contact, "email", AddressUse::email);
        site.phone = address_field(contact, "phone", AddressUse::phone);
    }
}

void read_taxonomy(const fs::path& site_dir, Diagnostics& diags, Content& content) {
    const fs::path p = site_dir / "content" / "taxonomy.yaml";
    const std::string path = display_path(p);
    std::string text;
    const EntryKind kind = site_entry(p, site_dir, &diags, path);
    if (kind == EntryKind::unusable) return;
    if (kind != EntryKind::file || !read_file(p, text)) {
        diags.error({path, 0, 0}, "the taxonomy is missing; create content/taxonomy.yaml with life_phases and topics");
        return;
    }
    check_utf8(path, text, diags);
    FileContext ctx{path, diags, content.site.source_language};
    ctx.set_text(without_bom(text));
    auto root = parse_yaml(ctx, text);
    if (!root) return;
    MapReader m(ctx, *root, "taxonomy", {"life_phases", "topics"});
    auto terms = [&](std::string_view key, std::vector<Term>& out) {
        for (const Located& w : m.words(key, Need::required)) {
            if (!is_valid_id(w.value)) {
                diags.error(w.pos, "\"" + w.value + "\" is not a valid term id; use lowercase letters, digits and single hyphens");
                continue;
            }
            if (std::any_of(out.begin(), out.end(), [&](const Term& t) { return t.id == w.value; })) {
                diags.error(w.pos, "\"" + w.value + "\" is listed twice in \"" + std::string(key) + "\"");
                continue;
            }
            out.push_back({w.value, w.pos});
        }
    };
    terms("life_phases", content.taxonomy.life_phases);
    terms("topics", content.taxonomy.topics);
}

// The files of a folder in name order, each with the path diagnostics show for it (the folder's,
// normalised once, and the name: normalising every file's path costs more than reading a record
// from the cache). Entries that are not files Lotse reads are reported (common/site_files.h).
struct FolderFile {
    fs::path path;
    std::string shown;
};
std::vector<FolderFile> files_in(const fs::path& dir, const fs::path& site_dir, Diagnostics& diags) {
    const std::string folder = display_path(dir) + "/";
    std::vector<FolderFile> out;
    for (SiteFile& f : site_files(dir, site_dir, &diags)) out.push_back({std::move(f.path), folder + f.name});
    return out;
}

// Runs body(i) for i in [0, n) on all cores; each i is independent. A thread is used for every
// `per_thread` items at most: handing work to one costs about as much as reading a few hundred
// records from the cache, or parsing two or three files.
template <typename Body>
void parallel_for(std::size_t n, std::size_t per_thread, Body body) {
    const unsigned threads =
        std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(n / per_thread + 1)));
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
    };
    run_together(threads, [&](unsigned) { work(); });
}

// Reads every record of a kind: first the records of files whose bytes are the same as on an
// earlier run, from the cache, then the other files, parsed in parallel (YAML parsing is most of
// loading). Each file has its own diagnostics, merged in file order afterwards.
template <typename Rec, typename Read>
void read_records(const fs::path& site_dir, std::string_view folder, std::string_view what, Read read,
                  Diagnostics& diags, const std::string& source_language, std::vector<Rec>& out,
                  std::initializer_list<std::string_view> keys, RecordCache& cache) {
    const fs::path dir = site_dir / "content" / folder;
    const std::vector<FolderFile> files = files_in(dir, site_dir, diags);
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    std::vector<Diagnostics> found(files.size());
    std::vector<std::optional<Rec>> records(files.size());
    const std::vector<std::string_view> allowed(keys);
    // Per file: its stamp (taken before it is read: a change while reading makes the stamp too
    // old, never too new), and its bytes once read.
    struct Reading {
        std::optional<FileStamp> stamp;
        std::string text;
        std::optional<bool> readable;
    };
    std::vector<Reading> readings(files.size());
    auto cached_as = [&](std::size_t i) { return std::string(folder) + "/" + files[i].path.filename().string(); };
    auto bytes = [&](std::size_t i) -> const std::string* {
        Reading& r = readings[i];
        if (!r.readable) r.readable = read_file(files[i].path, r.text);
        return *r.readable ? &r.text : nullptr;
    };
    std::vector<std::size_t> records_files, to_parse;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const fs::path& p = files[i].path;
        Diagnostics& d = found[i];
        const std::string& path = files[i].shown;
        if (p.extension() != ".yaml") {
            if (p.filename().string().front() != '.')
                d.warning({path, 0, 0}, "this file is ignored; records are .yaml files");
            continue;
        }
        const std::string id = p.stem().string();
        if (!is_valid_id(id)) {
            d.error({path, 0, 0}, "the file name \"" + id +
                                      "\" is not a valid id; use lowercase letters a-z, digits and single hyphens, e.g. vhs-integrationskurs-1.yaml");
            continue;
        }
        if (id == "index") {
            d.error({path, 0, 0}, "the file name \"index\" is reserved for list pages; give the record another id");
            continue;
        }
        records_files.push_back(i);
    }
    // Reading a record from the cache takes microseconds: threads pay off only for many.
    std::vector<char> not_cached(files.size(), 0);
    parallel_for(records_files.size(), 128, [&](std::size_t k) {
        const std::size_t i = records_files[k];
        Reading& r = readings[i];
        r.stamp = dir_fd >= 0 ? stamp_of(dir_fd, files[i].path.filename().c_str()) : stamp_of(files[i].path);
        Rec rec;
        rec.id = files[i].path.stem().string();
        rec.path = files[i].shown;
        if (r.stamp && cache.find(cached_as(i), *r.stamp, [&] { return bytes(i); }, rec, found[i]))
            records[i] = std::move(rec);
        else
            not_cached[i] = 1;
    });
    for (std::size_t i : records_files)
        if (not_cached[i]) to_parse.push_back(i);
    parallel_for(to_parse.size(), 2, [&](std::size_t k) {
        const std::size_t i = to_parse[k];
        Diagnostics& d = found[i];
        const std::string& path = files[i].shown;
        if (!bytes(i)) {
            d.error({path, 0, 0}, "cannot read this file");
            return;
        }
        Reading& r = readings[i];
        check_utf8(path, r.text, d);
        const std::uint64_t hash = std::hash<std::string>{}(r.text);
        SourceFile file(path, std::move(r.text), d, source_language);
        auto root = parse_yaml(file.ctx, file.text());
        if (!root) return;
        MapReader m(file.ctx, *root, std::string(what), allowed);
        if (!m.valid()) return;
        Rec rec = read(file, m);
        rec.id = files[i].path.stem().string();
        rec.path = path;
        if (r.stamp && !d.has_errors()) cache.put(cached_as(i), *r.stamp, hash, rec, d);
        records[i] = std::move(rec);
    });
    if (dir_fd >= 0) ::close(dir_fd);
    for (std::size_t i = 0; i < files.size(); ++i) {
        for (const Diagnostic& item : found[i].items()) {
            if (item.severity == Severity::error) diags.error(item.pos, item.message);
            else diags.warning(item.pos, item.message);
        }
        if (records[i]) out.push_back(std::move(*records[i]));
    }
}

void read_pages(const fs::path& site_dir, Diagnostics& diags, Content& content) {
    for (const auto& [p, path] : files_in(site_dir / "content" / "pages", site_dir, diags)) {
        const std::string name = p.filename().string();
        if (name.front() == '.') continue;
        // <slug>.<language>.md
        const auto first_dot = name.find('.');
        const auto md = name.size() > 3 ? name.size() - 3 : std::string::npos;
        const bool named_right = first_dot != std::string::npos && md != std::string::npos && name.compare(md, 3, ".md") == 0 &&
                                 first_dot < md && is_valid_id(name.substr(0, first_dot));
        if (!named_right) {
            diags.error({path, 0, 0}, "a page file must be named <slug>.<language>.md, e.g. imprint.de.md");
            continue;
        }
        if (const std::string tag = name.substr(first_dot + 1, md - first_dot - 1); !is_language_tag(tag)) {
            diags.error({path, 0, 0}, "\"" + tag + "\" in this file's name is not a language tag; name a page "
                                      "<slug>.<language>.md with a BCP 47 tag, e.g. imprint.de-AT.md");
            continue;
        }
        Page page;
        page.slug = name.substr(0, first_dot);
        page.language = name.substr(first_dot + 1, md - first_dot - 1);
        page.path = path;
        page.pos = {path, 1, 1};
        std::string text;
        if (!read_file(p, text)) {
            diags.error({path, 0, 0}, "cannot read this file");
            continue;
        }
        check_utf8(path, text, diags);
        text = normalised(text);
        SourceFile file(path, text, diags, content.site.source_language);
        if (text.rfind("---\n", 0) != 0) {
            diags.error(page.pos, "a page starts with a front matter block: a line ---, then title: …, then a line ---");
            continue;
        }
        const auto close = text.find("\n---", 3);
        if (close == std::string::npos) {
            diags.error(page.pos, "the front matter is not closed; add a line --- after it");
            continue;
        }
        const std::string front = text.substr(4, close - 3);
        auto body_start = text.find('\n', close + 1);
        body_start = body_start == std::string::npos ? text.size() : body_start + 1;
        page.body = text.substr(body_start);
        page.body_line = static_cast<int>(std::count(text.begin(), text.begin() + body_start, '\n')) + 1;
        file.ctx.line_offset = 1;
        file.ctx.set_text(front);
        auto root = parse_yaml(file.ctx, front);
        if (!root) continue;
        MapReader m(file.ctx, *root, "page front matter", {"title", "menu", "weight"});
        if (!m.valid()) continue;
        page.title = m.string("title", Need::required).value_or("");
        page.menu = m.one_of("menu", {"main", "footer", "none"}).value_or("footer");
        page.weight = m.integer("weight").value_or(0);
        file.ctx.line_offset = 0;
        for (const markdown::Link& link : markdown::links(page.body))
            page.markdown_links.push_back({link.url, file.locate({path, page.body_line + link.line - 1, 1}, link.url)});
        content.pages.push_back(std::move(page));
    }
}

}  // namespace

Content load_content(const fs::path& site_dir, Diagnostics& diags, const RecordCacheFile& cache_file,
                     const std::function<void(const SiteConfig&)>& site_read) {
    Content content;
    // A content folder that is a link out of the site, or a loop, is reported once, here.
    if (site_entry(site_dir / "content", site_dir, &diags, display_path(site_dir / "content")) == EntryKind::unusable) {
        if (site_read) site_read(content.site);
        return content;
    }
    read_site(site_dir, diags, content);
    if (site_read) site_read(content.site);
    read_taxonomy(site_dir, diags, content);
    const std::string& src = content.site.source_language;
    // Plain strings are read as the source language, so records read for another one do not count.
    RecordCache cache = cache_file.file.empty() ? RecordCache()
                                                : RecordCache(cache_file.file, cache_file.program + "\n" + src);
    read_records(site_dir, "providers", "provider", read_provider, diags, src, content.providers,
                 {"name", "short_name", "location", "phone", "email", "url", "accessible", "description", "checked"}, cache);
    read_records(site_dir, "offers", "offer", read_offer, diags, src, content.offers,
                 {"title", "summary", "description", "provider", "life_phases", "topics", "audience", "languages",
                  "location", "dates", "fee", "fee_note", "childcare", "url", "contact", "checked"}, cache);
    read_records(site_dir, "courses", "course", read_course, diags, src, content.courses,
                 {"type", "title", "provider", "level", "start", "end", "schedule", "lessons", "mode", "location",
                  "childcare", "seats", "fee", "fee_note", "registration", "life_phases", "topics", "description",
                  "checked"}, cache);
    read_records(site_dir, "contacts", "contact", read_contact, diags, src, content.contacts,
                 {"name", "organisation", "person", "topics", "life_phases", "audience", "languages", "location",
                  "phone", "email", "url", "hours", "appointment", "description", "checked"}, cache);
    read_records(site_dir, "pathways", "pathway", read_pathway, diags, src, content.pathways,
                 {"title", "summary", "life_phases", "topics", "steps", "checked"}, cache);
    cache.save();
    read_pages(site_dir, diags, content);
    return content;
}

}  // namespace lotse
