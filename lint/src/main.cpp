#include <iostream>

#include "app.hpp"

int main(int argc, char** argv) {
    return dpslint::cli::run(argc, argv, std::cin, std::cout, std::cerr);
}
