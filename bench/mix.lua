-- A mix of gaiko API requests for the soak test: lookups, lists, searches, history.
local paths = {
  "/api/v1/entities/KOR", "/api/v1/entities/CHN", "/api/v1/entities/USA",
  "/api/v1/relations?region=Eastern+Asia", "/api/v1/relations?as_of=1960-01-01",
  "/api/v1/search?q=Korea", "/api/v1/search?q=%E7%AB%B9%E5%B3%B6",
  "/api/v1/timeline?from=1945&to=1960", "/api/v1/disputes", "/api/v1/figures?country=IND",
}
local i = 0
request = function()
  i = (i % #paths) + 1
  return wrk.format("GET", paths[i])
end
