// YAML mistakes said in the coordinator's words, at the place of the mistake: yaml-cpp stays the
// parser; this reads the raw lines around where it stopped (its mark is often on the next token)
// to name what is wrong and what to write instead. Also the mistakes yaml-cpp reads without
// complaint as something else (an unclosed quote that swallows the lines below, "key:value").
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "content/diagnostics.h"

namespace lotse {

struct FileContext;

struct SyntaxProblem {
    SourcePos pos;
    std::string message;
};

// What is wrong in `file`'s text where yaml-cpp stopped at `mark`, and where the mistake is. Its own
// words ("end of map not found") name what the parser missed, not what to write, so they are left out.
SyntaxProblem explain_syntax_error(const FileContext& file, const YAML::Mark& mark);

// A quoted scalar that does not end on the line it starts on, while the line below is not
// indented as a continuation: its closing quote is missing.
bool is_unclosed_quote(const FileContext& file, const YAML::Node& scalar, SyntaxProblem& problem);

// A key without a value, or a whole document, written "word:text": the space after the colon is
// missing.
bool is_glued_key(const FileContext& file, const YAML::Node& scalar, SyntaxProblem& problem);

}  // namespace lotse
