// The explicit, sorted list of every lint rule. The lint engine (issue: lint engine and rule
// catalogue) fills it; until then dpslint has validator checks only.
namespace dpslint::rules {

int registry_size() { return 0; }

}  // namespace dpslint::rules
