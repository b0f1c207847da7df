#include "x509/x509_support.hpp"

#include <stdexcept>

#include "dpslint/profile.hpp"

namespace dpslint::rules::x509 {

namespace {

class ProfileRule final : public lint::CertificateRule {
public:
    ProfileRule(const ProfileCheckInfo& check, ProfileRuleText text)
        : metadata_(lint::declare_rule({.id = std::string(check.id),
                                        .title = std::string(check.title),
                                        .severity = Severity::warning,
                                        .inspects = Target::certificate,
                                        .rationale = std::move(text.rationale),
                                        .citation = std::string(check.citation),
                                        .fix = std::move(text.fix),
                                        .example = std::move(text.example)})) {}

    const RuleMetadata& metadata() const override { return metadata_; }

    void check(const lint::CertificateUnderLint& subject, const RuleOptions&,
               FindingSink& sink) const override {
        for (const auto& violation : profile_violations(subject.certificate)) {
            if (violation.id != metadata_.id)
                continue;
            sink.report(std::string(subject.role) + " '" + subject.certificate.label()
                            + "': " + violation.message,
                        subject.location);
        }
    }

private:
    RuleMetadata metadata_;
};

}  // namespace

std::unique_ptr<lint::Rule> make_profile_rule(ProfileRuleText text) {
    const ProfileCheckInfo* check = find_profile_check(text.check);
    if (check == nullptr)
        throw std::logic_error("no profile check " + std::string(text.check));
    return std::make_unique<ProfileRule>(*check, std::move(text));
}

}  // namespace dpslint::rules::x509
