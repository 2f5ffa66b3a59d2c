add_library(ma_plan_render STATIC
    render/format_doc.cpp
    render/json.cpp
    render/render.cpp
    render/report.cpp
    render/rules_doc.cpp
    render/text.cpp
    render/sarif.cpp
    render/junit.cpp
    render/github.cpp
    render/json_schema.cpp
)
target_link_libraries(ma_plan_render PUBLIC ma_plan_rules PRIVATE ma_plan_warnings)
