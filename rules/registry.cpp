// The explicit list of every lint rule, sorted by id. A rule that is not listed here does not
// exist: no static self-registration (static libraries drop such objects at link time).
// Each category has its own block, blocks in alphabetical order, rules sorted within a block;
// tests/unit/rule_registry_test.cpp checks the order.
#include "dpslint_rules/registry.hpp"

#include <algorithm>
#include <memory>

namespace dpslint::rules {

using RuleFactory = std::unique_ptr<lint::Rule> (*)();

// --- allocation ---
std::unique_ptr<lint::Rule> make_allocation_custom_api_version();
std::unique_ptr<lint::Rule> make_allocation_custom_definition_missing();
std::unique_ptr<lint::Rule> make_allocation_custom_webhook_insecure();
std::unique_ptr<lint::Rule> make_allocation_geolatency_single_region();
std::unique_ptr<lint::Rule> make_allocation_hashed_single_hub();
std::unique_ptr<lint::Rule> make_allocation_hub_not_linked();
std::unique_ptr<lint::Rule> make_allocation_legacy_hub_hostname();
std::unique_ptr<lint::Rule> make_allocation_no_eligible_hub();
std::unique_ptr<lint::Rule> make_allocation_service_default_static();
std::unique_ptr<lint::Rule> make_allocation_static_hub_count();
std::unique_ptr<lint::Rule> make_allocation_weight_range();
// --- end allocation ---
// --- batch ---
std::unique_ptr<lint::Rule> make_batch_duplicate_certificate();
std::unique_ptr<lint::Rule> make_batch_duplicate_registration_id();
std::unique_ptr<lint::Rule> make_batch_duplicate_serial();
std::unique_ptr<lint::Rule> make_batch_mixed_issuers();
std::unique_ptr<lint::Rule> make_batch_sequential_serials();
std::unique_ptr<lint::Rule> make_batch_shared_key();
// --- end batch ---
// --- ca ---
std::unique_ptr<lint::Rule> make_ca_body_missing();
std::unique_ptr<lint::Rule> make_ca_duplicate();
std::unique_ptr<lint::Rule> make_ca_expired();
std::unique_ptr<lint::Rule> make_ca_expiring_soon();
std::unique_ptr<lint::Rule> make_ca_limit();
std::unique_ptr<lint::Rule> make_ca_not_a_ca();
std::unique_ptr<lint::Rule> make_ca_revoked();
std::unique_ptr<lint::Rule> make_ca_rollover_no_successor();
std::unique_ptr<lint::Rule> make_ca_thumbprint_mismatch();
std::unique_ptr<lint::Rule> make_ca_unused();
std::unique_ptr<lint::Rule> make_ca_unverified();
std::unique_ptr<lint::Rule> make_ca_weak_key();
std::unique_ptr<lint::Rule> make_ca_weak_signature();
// --- end ca ---
// --- device ---
std::unique_ptr<lint::Rule> make_device_blocked();
std::unique_ptr<lint::Rule> make_device_chain_incomplete();
std::unique_ptr<lint::Rule> make_device_chain_too_large();
std::unique_ptr<lint::Rule> make_device_cn_invalid();
std::unique_ptr<lint::Rule> make_device_cn_missing();
std::unique_ptr<lint::Rule> make_device_cn_pattern();
std::unique_ptr<lint::Rule> make_device_cn_san_mismatch();
std::unique_ptr<lint::Rule> make_device_cn_too_long();
std::unique_ptr<lint::Rule> make_device_cn_uppercase();
std::unique_ptr<lint::Rule> make_device_eku_no_client_auth();
std::unique_ptr<lint::Rule> make_device_expired();
std::unique_ptr<lint::Rule> make_device_expiring_soon();
std::unique_ptr<lint::Rule> make_device_is_ca();
std::unique_ptr<lint::Rule> make_device_no_enrollment();
std::unique_ptr<lint::Rule> make_device_not_yet_valid();
std::unique_ptr<lint::Rule> make_device_outlives_issuer();
std::unique_ptr<lint::Rule> make_device_revoked_but_provisions();
std::unique_ptr<lint::Rule> make_device_serial_invalid();
std::unique_ptr<lint::Rule> make_device_weak_key();
std::unique_ptr<lint::Rule> make_device_weak_signature();
// --- end device ---
// --- diff ---
std::unique_ptr<lint::Rule> make_diff_devices_change_enrollment();
std::unique_ptr<lint::Rule> make_diff_devices_change_hub();
std::unique_ptr<lint::Rule> make_diff_devices_change_reprovision();
std::unique_ptr<lint::Rule> make_diff_devices_change_twin();
std::unique_ptr<lint::Rule> make_diff_devices_gain_provisioning();
std::unique_ptr<lint::Rule> make_diff_devices_lose_provisioning();
std::unique_ptr<lint::Rule> make_diff_expected_loss();
std::unique_ptr<lint::Rule> make_diff_group_moved_to_root();
// --- end diff ---
// --- enrollment ---
std::unique_ptr<lint::Rule> make_enrollment_ca_expired();
std::unique_ptr<lint::Rule> make_enrollment_ca_is_root();
std::unique_ptr<lint::Rule> make_enrollment_ca_missing();
std::unique_ptr<lint::Rule> make_enrollment_ca_unverified();
std::unique_ptr<lint::Rule> make_enrollment_disabled();
std::unique_ptr<lint::Rule> make_enrollment_duplicate_ca();
std::unique_ptr<lint::Rule> make_enrollment_id_invalid();
std::unique_ptr<lint::Rule> make_enrollment_limit();
std::unique_ptr<lint::Rule> make_enrollment_not_x509();
std::unique_ptr<lint::Rule> make_enrollment_shadowed();
// --- end enrollment ---
// --- individual ---
std::unique_ptr<lint::Rule> make_individual_blocklist_no_effect();
std::unique_ptr<lint::Rule> make_individual_certificate_expired();
std::unique_ptr<lint::Rule> make_individual_device_id_invalid();
std::unique_ptr<lint::Rule> make_individual_duplicate_registration_id();
std::unique_ptr<lint::Rule> make_individual_mixed_case_id();
std::unique_ptr<lint::Rule> make_individual_overrides_group();
std::unique_ptr<lint::Rule> make_individual_primary_expiring_no_secondary();
std::unique_ptr<lint::Rule> make_individual_registration_id_cn_mismatch();
std::unique_ptr<lint::Rule> make_individual_registration_id_invalid();
// --- end individual ---
// --- input ---
std::unique_ptr<lint::Rule> make_input_private_key_present();
// --- end input ---
// --- reprovision ---
std::unique_ptr<lint::Rule> make_reprovision_inconsistent();
std::unique_ptr<lint::Rule> make_reprovision_policy_missing();
// --- end reprovision ---
// --- twin ---
std::unique_ptr<lint::Rule> make_twin_array();
std::unique_ptr<lint::Rule> make_twin_depth();
std::unique_ptr<lint::Rule> make_twin_key_invalid();
std::unique_ptr<lint::Rule> make_twin_null_value();
std::unique_ptr<lint::Rule> make_twin_reported_present();
std::unique_ptr<lint::Rule> make_twin_size();
std::unique_ptr<lint::Rule> make_twin_value_range();
// --- end twin ---
// --- x509 ---
std::unique_ptr<lint::Rule> make_x509_aki_critical();
std::unique_ptr<lint::Rule> make_x509_aki_missing();
std::unique_ptr<lint::Rule> make_x509_basic_constraints_not_critical();
std::unique_ptr<lint::Rule> make_x509_empty_subject_san();
std::unique_ptr<lint::Rule> make_x509_key_cert_sign_not_ca();
std::unique_ptr<lint::Rule> make_x509_policy_constraints_not_critical();
std::unique_ptr<lint::Rule> make_x509_serial_not_positive();
std::unique_ptr<lint::Rule> make_x509_serial_too_long();
std::unique_ptr<lint::Rule> make_x509_ski_critical();
std::unique_ptr<lint::Rule> make_x509_ski_missing();
// --- end x509 ---

namespace {

// One factory per line, so adding a rule is a one-line diff.
// clang-format off
constexpr RuleFactory factories[] = {
    // --- allocation list ---
    make_allocation_custom_api_version,
    make_allocation_custom_definition_missing,
    make_allocation_custom_webhook_insecure,
    make_allocation_geolatency_single_region,
    make_allocation_hashed_single_hub,
    make_allocation_hub_not_linked,
    make_allocation_legacy_hub_hostname,
    make_allocation_no_eligible_hub,
    make_allocation_service_default_static,
    make_allocation_static_hub_count,
    make_allocation_weight_range,
    // --- end allocation list ---
    // --- batch list ---
    make_batch_duplicate_certificate,
    make_batch_duplicate_registration_id,
    make_batch_duplicate_serial,
    make_batch_mixed_issuers,
    make_batch_sequential_serials,
    make_batch_shared_key,
    // --- end batch list ---
    // --- ca list ---
    make_ca_body_missing,
    make_ca_duplicate,
    make_ca_expired,
    make_ca_expiring_soon,
    make_ca_limit,
    make_ca_not_a_ca,
    make_ca_revoked,
    make_ca_rollover_no_successor,
    make_ca_thumbprint_mismatch,
    make_ca_unused,
    make_ca_unverified,
    make_ca_weak_key,
    make_ca_weak_signature,
    // --- end ca list ---
    // --- device list ---
    make_device_blocked,
    make_device_chain_incomplete,
    make_device_chain_too_large,
    make_device_cn_invalid,
    make_device_cn_missing,
    make_device_cn_pattern,
    make_device_cn_san_mismatch,
    make_device_cn_too_long,
    make_device_cn_uppercase,
    make_device_eku_no_client_auth,
    make_device_expired,
    make_device_expiring_soon,
    make_device_is_ca,
    make_device_no_enrollment,
    make_device_not_yet_valid,
    make_device_outlives_issuer,
    make_device_revoked_but_provisions,
    make_device_serial_invalid,
    make_device_weak_key,
    make_device_weak_signature,
    // --- end device list ---
    // --- diff list ---
    make_diff_devices_change_enrollment,
    make_diff_devices_change_hub,
    make_diff_devices_change_reprovision,
    make_diff_devices_change_twin,
    make_diff_devices_gain_provisioning,
    make_diff_devices_lose_provisioning,
    make_diff_expected_loss,
    make_diff_group_moved_to_root,
    // --- end diff list ---
    // --- enrollment list ---
    make_enrollment_ca_expired,
    make_enrollment_ca_is_root,
    make_enrollment_ca_missing,
    make_enrollment_ca_unverified,
    make_enrollment_disabled,
    make_enrollment_duplicate_ca,
    make_enrollment_id_invalid,
    make_enrollment_limit,
    make_enrollment_not_x509,
    make_enrollment_shadowed,
    // --- end enrollment list ---
    // --- individual list ---
    make_individual_blocklist_no_effect,
    make_individual_certificate_expired,
    make_individual_device_id_invalid,
    make_individual_duplicate_registration_id,
    make_individual_mixed_case_id,
    make_individual_overrides_group,
    make_individual_primary_expiring_no_secondary,
    make_individual_registration_id_cn_mismatch,
    make_individual_registration_id_invalid,
    // --- end individual list ---
    // --- input list ---
    make_input_private_key_present,
    // --- end input list ---
    // --- reprovision list ---
    make_reprovision_inconsistent,
    make_reprovision_policy_missing,
    // --- end reprovision list ---
    // --- twin list ---
    make_twin_array,
    make_twin_depth,
    make_twin_key_invalid,
    make_twin_null_value,
    make_twin_reported_present,
    make_twin_size,
    make_twin_value_range,
    // --- end twin list ---
    // --- x509 list ---
    make_x509_aki_critical,
    make_x509_aki_missing,
    make_x509_basic_constraints_not_critical,
    make_x509_empty_subject_san,
    make_x509_key_cert_sign_not_ca,
    make_x509_policy_constraints_not_critical,
    make_x509_serial_not_positive,
    make_x509_serial_too_long,
    make_x509_ski_critical,
    make_x509_ski_missing,
    // --- end x509 list ---
};
// clang-format on

}  // namespace

const std::vector<const lint::Rule*>& registry() {
    static const std::vector<std::unique_ptr<lint::Rule>> owned = [] {
        std::vector<std::unique_ptr<lint::Rule>> rules;
        for (const auto factory : factories)
            rules.push_back(factory());
        return rules;
    }();
    static const std::vector<const lint::Rule*> view = [] {
        std::vector<const lint::Rule*> v;
        for (const auto& r : owned)
            v.push_back(r.get());
        return v;
    }();
    return view;
}

const lint::Rule* find_rule(std::string_view id) {
    const auto& all = registry();
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const lint::Rule* r) { return r->metadata().id == id; });
    return it == all.end() ? nullptr : *it;
}

}  // namespace dpslint::rules
