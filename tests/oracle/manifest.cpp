#include "manifest.hpp"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "support/testdata.hpp"

namespace dpslint::test {

Manifest load_manifest() {
    std::ifstream in(testdata("pki/manifest.json"));
    if (!in)
        throw std::runtime_error("cannot open testdata/pki/manifest.json");
    const auto doc = nlohmann::json::parse(in);
    Manifest manifest;
    manifest.at = parse_rfc3339(doc.at("at").get<std::string>()).value();
    for (const auto& c : doc.at("cases")) {
        ManifestCase mc;
        mc.name = c.at("name");
        mc.leaf = c.at("leaf");
        mc.trust = c.at("trust").get<std::vector<std::string>>();
        mc.untrusted = c.value("untrusted", std::vector<std::string>{});
        mc.purpose = c.value("purpose", "client");
        mc.expect_valid = c.at("expect").at("valid");
        mc.expect_findings = c.at("expect").at("findings").get<std::vector<std::string>>();
        mc.private_key_blocks = c.value("privateKeyBlocks", 0u);
        const auto oracles = c.value("oracles", nlohmann::json::object());
        for (const auto& [oracle, d] : oracles.items()) {
            mc.oracles[oracle] = OracleDisagreement{d.at("valid"), d.value("why", "")};
        }
        manifest.cases.push_back(std::move(mc));
    }
    return manifest;
}

}  // namespace dpslint::test
