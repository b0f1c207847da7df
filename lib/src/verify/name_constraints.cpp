#include "name_constraints.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <optional>

namespace dpslint::detail {

namespace {

constexpr const char* oid_email_address = "1.2.840.113549.1.9.1";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    });
    return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size()
           && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Host part of a URI: after "scheme://", before the path, port, query or fragment; userinfo
// dropped. Empty when the URI has no authority (urn:..., mailto:...).
std::string uri_host(const std::string& uri) {
    const auto scheme_end = uri.find("://");
    if (scheme_end == std::string::npos)
        return {};
    std::string authority = uri.substr(scheme_end + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const auto at = authority.rfind('@'); at != std::string::npos) {
        authority = authority.substr(at + 1);
    }
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        return close == std::string::npos ? std::string{} : authority.substr(1, close - 1);
    }
    return authority.substr(0, authority.find(':'));
}

struct IpAddress {
    int family = 0;
    std::array<unsigned char, 16> bytes{};
    std::size_t length = 0;
};

std::optional<IpAddress> parse_ip(const std::string& text) {
    IpAddress ip;
    if (inet_pton(AF_INET, text.c_str(), ip.bytes.data()) == 1) {
        ip.family = AF_INET;
        ip.length = 4;
        return ip;
    }
    if (inet_pton(AF_INET6, text.c_str(), ip.bytes.data()) == 1) {
        ip.family = AF_INET6;
        ip.length = 16;
        return ip;
    }
    return std::nullopt;
}

bool matches(const GeneralName& name, const GeneralName& constraint) {
    switch (constraint.type) {
        case GeneralNameType::dns:
            return dns_name_matches(name.value, constraint.value);
        case GeneralNameType::email:
            return email_matches(name.value, constraint.value);
        case GeneralNameType::uri:
            return uri_matches(name.value, constraint.value);
        case GeneralNameType::ip:
            return ip_matches(name.value, constraint.value);
        case GeneralNameType::directory:
            return name.directory && constraint.directory
                   && name.directory->within_subtree(*constraint.directory);
        case GeneralNameType::other:
            break;
    }
    return false;
}

bool supported(GeneralNameType type) {
    return type != GeneralNameType::other;
}

std::string describe(const GeneralName& name) {
    return std::string(to_string(name.type)) + " \"" + name.value + "\"";
}

}  // namespace

bool dns_name_matches(const std::string& raw_name, const std::string& raw_constraint) {
    std::string name = lower(raw_name);
    std::string constraint = lower(raw_constraint);
    if (constraint.empty())
        return true;
    if (!name.empty() && name.back() == '.')
        name.pop_back();
    if (constraint.front() == '.')
        return name.size() > constraint.size() && ends_with(name, constraint);
    return name == constraint || ends_with(name, "." + constraint);
}

bool email_matches(const std::string& name, const std::string& constraint) {
    const auto at = name.rfind('@');
    if (at == std::string::npos)
        return false;
    const std::string host = lower(name.substr(at + 1));
    if (constraint.find('@') != std::string::npos) {
        const auto c_at = constraint.rfind('@');
        return name.substr(0, at) == constraint.substr(0, c_at)
               && host == lower(constraint.substr(c_at + 1));
    }
    const std::string c = lower(constraint);
    if (!c.empty() && c.front() == '.')
        return ends_with(host, c);
    return host == c;
}

bool uri_matches(const std::string& uri, const std::string& constraint) {
    const std::string host = lower(uri_host(uri));
    if (host.empty())
        return false;
    const std::string c = lower(constraint);
    if (!c.empty() && c.front() == '.')
        return ends_with(host, c);
    return host == c;
}

bool ip_matches(const std::string& address, const std::string& constraint) {
    const auto slash = constraint.find('/');
    if (slash == std::string::npos)
        return false;
    const auto ip = parse_ip(address);
    const auto base = parse_ip(constraint.substr(0, slash));
    if (!ip || !base || ip->family != base->family)
        return false;
    std::size_t prefix = 0;
    try {
        prefix = std::stoul(constraint.substr(slash + 1));
    } catch (...) {
        return false;
    }
    if (prefix > ip->length * 8)
        return false;
    for (std::size_t bit = 0; bit < prefix; ++bit) {
        const unsigned mask = 0x80u >> (bit % 8);
        if ((ip->bytes[bit / 8] & mask) != (base->bytes[bit / 8] & mask))
            return false;
    }
    return true;
}

std::vector<GeneralName> constrained_names(const Certificate& certificate) {
    std::vector<GeneralName> names;
    if (!certificate.subject().empty()) {
        GeneralName dn;
        dn.type = GeneralNameType::directory;
        dn.value = certificate.subject().text();
        dn.directory = certificate.subject();
        names.push_back(dn);
        for (const auto& rdn : certificate.subject().rdns()) {
            for (const auto& ava : rdn) {
                if (ava.oid == oid_email_address) {
                    names.push_back(GeneralName{GeneralNameType::email, ava.value, std::nullopt});
                }
            }
        }
    }
    if (const auto& san = certificate.extensions().subject_alt_name) {
        names.insert(names.end(), san->names.begin(), san->names.end());
    }
    return names;
}

std::optional<std::vector<std::string>> name_constraint_violations(
    const NameConstraints& constraints, const std::vector<GeneralName>& names,
    std::size_t& work_left) {
    const std::size_t per_name = constraints.permitted.size() + constraints.excluded.size();
    if (per_name != 0 && names.size() > work_left / per_name)
        return std::nullopt;
    work_left -= names.size() * per_name;

    std::vector<std::string> violations;
    for (const auto& name : names) {
        const auto same_type = [&](const GeneralName& c) {
            return c.type == name.type;
        };
        const bool constrained =
            std::any_of(constraints.permitted.begin(), constraints.permitted.end(), same_type)
            || std::any_of(constraints.excluded.begin(), constraints.excluded.end(), same_type);
        if (!constrained)
            continue;
        if (!supported(name.type)) {
            violations.push_back(describe(name)
                                 + " has a name form whose constraints dpslint cannot process");
            continue;
        }
        bool has_permitted = false;
        bool permitted = false;
        for (const auto& c : constraints.permitted) {
            if (c.type != name.type)
                continue;
            has_permitted = true;
            permitted = permitted || matches(name, c);
        }
        if (has_permitted && !permitted) {
            violations.push_back(describe(name) + " is outside every permitted subtree");
        }
        for (const auto& c : constraints.excluded) {
            if (c.type == name.type && matches(name, c)) {
                violations.push_back(describe(name) + " is within the excluded subtree \"" + c.value
                                     + "\"");
            }
        }
    }
    return violations;
}

}  // namespace dpslint::detail
