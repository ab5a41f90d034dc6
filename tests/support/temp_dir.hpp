// SPDX-License-Identifier: Apache-2.0
#pragma once
// A fresh folder per test under $TMPDIR, removed afterwards unless
// COMPLAINTS_KEEP_TEST_DIRS is set (then its path is printed to look into).
#include <filesystem>
#include <string>

namespace test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);
// `text` with the first `from` replaced by `to`; fails the test if absent.
std::string replaced(std::string text, const std::string& from, const std::string& to);

} // namespace test
