-- The soak's mix: fixed lookups, lists, searches and history (answers the cache keeps), and as many
-- requests again whose keys are new almost every time - a random as-of date from 1854 to today on
-- an entity, a status or the relations list, random paging, random search terms - so that the
-- server's answer cache is busted and its bound is what holds memory flat. Every request is valid:
-- any non-2xx is an error. done() prints the status classes for bench/api.py.
local fixed = {
  "/api/v1/entities/KOR", "/api/v1/entities/CHN", "/api/v1/entities/USA",
  "/api/v1/relations?region=Eastern+Asia", "/api/v1/relations?as_of=1960-01-01",
  "/api/v1/search?q=Korea", "/api/v1/search?q=%E7%AB%B9%E5%B3%B6",
  "/api/v1/timeline?from=1945&to=1960", "/api/v1/disputes", "/api/v1/figures?country=IND",
}
local entities = { "KOR", "CHN", "USA", "RUS", "FRA", "DEU", "GBR", "IND", "BRA", "EGY", "TUR", "THA" }
local words = { "treaty", "Korea", "aid", "peace", "trade", "embassy", "war", "%E6%9D%A1%E7%B4%84", "ODA", "visit" }

local function random_date()
  return string.format("%04d-%02d-%02d", math.random(1854, 2025), math.random(1, 12), math.random(1, 28))
end

local function busting()
  local pick = math.random(1, 5)
  if pick == 1 then
    return "/api/v1/entities/" .. entities[math.random(#entities)] .. "?as_of=" .. random_date()
  elseif pick == 2 then
    return "/api/v1/entities/" .. entities[math.random(#entities)] .. "/status?as_of=" .. random_date()
  elseif pick == 3 then
    return "/api/v1/relations?as_of=" .. random_date() .. "&limit=" .. math.random(1, 500)
  elseif pick == 4 then
    return "/api/v1/timeline?from=" .. math.random(1854, 2000) .. "&limit=" .. math.random(1, 200)
      .. "&offset=" .. math.random(0, 100)
  end
  return "/api/v1/search?q=" .. words[math.random(#words)] .. "&limit=" .. math.random(1, 50)
    .. "&offset=" .. math.random(0, 40)
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  i = 0
  counts = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
end

request = function()
  i = i + 1
  if i % 2 == 0 then
    return wrk.format("GET", busting())
  end
  return wrk.format("GET", fixed[math.floor(i / 2) % #fixed + 1])
end

response = function(status, headers, body)
  local class = tostring(math.floor(status / 100)) .. "xx"
  counts[class] = (counts[class] or 0) + 1
end

function done(summary, latency, requests)
  local total = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  io.write(string.format("status classes: 2xx %d 3xx %d 4xx %d 5xx %d\n",
    total["2xx"], total["3xx"], total["4xx"], total["5xx"]))
  io.write(string.format("latency p50 %.2f ms p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
