#include "common/whole_file.h"

#include <fstream>
#include <sstream>

namespace lotse {

bool read_whole_file(const std::filesystem::path& file, std::string& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

std::string whole_file(const std::filesystem::path& file) {
    std::string out;
    read_whole_file(file, out);
    return out;
}

}  // namespace lotse
