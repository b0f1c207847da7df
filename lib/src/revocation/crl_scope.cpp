#include "revocation/crl_scope.hpp"

#include <algorithm>

namespace dpslint::detail {

namespace {

bool same_name(const GeneralName& a, const GeneralName& b) {
    if (a.type != b.type)
        return false;
    if (a.type == GeneralNameType::directory)
        return a.directory && b.directory && *a.directory == *b.directory;
    return a.value == b.value;
}

bool any_same(const std::vector<GeneralName>& a, const std::vector<GeneralName>& b) {
    return std::any_of(a.begin(), a.end(), [&](const GeneralName& x) {
        return std::any_of(b.begin(), b.end(),
                           [&](const GeneralName& y) { return same_name(x, y); });
    });
}

GeneralName directory_name(const DistinguishedName& dn) {
    GeneralName out;
    out.type = GeneralNameType::directory;
    out.value = dn.text();
    out.directory = dn;
    return out;
}

// A DistributionPointName as full names: nameRelativeToCRLIssuer is appended to `base`.
std::vector<GeneralName> full_names(const DistributionPointName& name,
                                    const DistinguishedName& base) {
    if (!name.relative_name)
        return name.full_name;
    auto rdns = base.rdns();
    rdns.push_back(*name.relative_name);
    return {directory_name(DistinguishedName(std::move(rdns)))};
}

bool names_issuer(const std::vector<GeneralName>& names, const DistinguishedName& issuer) {
    return std::any_of(names.begin(), names.end(), [&](const GeneralName& n) {
        return n.type == GeneralNameType::directory && n.directory && *n.directory == issuer;
    });
}

// The DN a relative distribution point name of the certificate hangs below: its cRLIssuer when
// it names one, else the certificate's issuer (RFC 5280 §4.2.1.13).
DistinguishedName point_base(const DistributionPoint& point, const Certificate& certificate) {
    for (const auto& n : point.crl_issuer) {
        if (n.type == GeneralNameType::directory && n.directory)
            return *n.directory;
    }
    return certificate.issuer();
}

}  // namespace

std::vector<DistributionPoint> distribution_points(const Certificate& certificate) {
    const auto& points = certificate.extensions().crl_distribution_points;
    if (points && !points->points.empty())
        return points->points;
    return {DistributionPoint{}};
}

std::optional<std::uint16_t> crl_scope(const Crl& crl, const Certificate& certificate,
                                       const DistributionPoint& point) {
    const auto& idp = crl.fields().issuing_distribution_point;
    // (b)(1): who may issue it.
    if (!point.crl_issuer.empty()) {
        if (!names_issuer(point.crl_issuer, crl.issuer()) || !idp || !idp->indirect_crl)
            return std::nullopt;
    } else if (!(crl.issuer() == certificate.issuer())) {
        return std::nullopt;
    }
    std::uint16_t reasons = point.reasons.value_or(all_reasons);
    if (idp) {
        // (b)(2)(i): the CRL's distribution point must be the certificate's.
        if (idp->name) {
            const auto crl_names = full_names(*idp->name, crl.issuer());
            if (point.name) {
                if (!any_same(crl_names, full_names(*point.name, point_base(point, certificate))))
                    return std::nullopt;
            } else if (point.crl_issuer.empty() || !any_same(crl_names, point.crl_issuer)) {
                return std::nullopt;
            }
        }
        // (b)(2)(ii)-(iv)
        if (idp->only_user_certs && certificate.is_ca())
            return std::nullopt;
        if (idp->only_ca_certs && !certificate.is_ca())
            return std::nullopt;
        if (idp->only_attribute_certs)
            return std::nullopt;
        // (c)
        if (idp->only_some_reasons)
            reasons &= *idp->only_some_reasons;
    }
    return static_cast<std::uint16_t>(reasons & all_reasons);
}

const CrlEntry* find_entry(const Crl& crl, const Certificate& certificate) {
    const auto& f = crl.fields();
    const bool indirect =
        f.issuing_distribution_point && f.issuing_distribution_point->indirect_crl;
    for (const CrlEntry* entry :
         crl.entries_for(certificate.serial_hex(), certificate.fields().serial_negative)) {
        const auto* issuer =
            indirect ? crl.entry_issuer(static_cast<std::size_t>(entry - f.entries.data()))
                     : nullptr;
        const bool issuer_matches = issuer != nullptr ? names_issuer(*issuer, certificate.issuer())
                                                      : crl.issuer() == certificate.issuer();
        if (issuer_matches)
            return entry;
    }
    return nullptr;
}

bool delta_applies(const Crl& delta, const Crl& base) {
    const auto& d = delta.fields();
    const auto& b = base.fields();
    if (!d.delta_crl_base || !b.crl_number || b.delta_crl_base)
        return false;
    if (!(delta.issuer() == base.issuer()))
        return false;
    if (d.issuing_distribution_point.has_value() != b.issuing_distribution_point.has_value())
        return false;
    if (d.issuing_distribution_point) {
        // Same scope; criticality aside.
        auto di = *d.issuing_distribution_point;
        auto bi = *b.issuing_distribution_point;
        di.critical = bi.critical = false;
        if (!(di == bi))
            return false;
    }
    return compare_hex_magnitudes(*d.delta_crl_base, *b.crl_number) <= 0;
}

}  // namespace dpslint::detail
