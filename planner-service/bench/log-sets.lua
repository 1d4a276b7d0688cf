-- wrk script for log-sets.sh: every request logs the next free set slot of a benchmark patient.
--
--   wrk -t THREADS ... -s log-sets.lua URL -- DATA_DIR FIRST_PATIENT LAST_PATIENT PHASE DATE RESULT_FILE THREADS
--
-- DATA_DIR holds tokens.txt (one token a line, patient 1 first), plans.txt (per patient, same
-- order: "planId itemId1 ... itemIdN" in template position order) and slots.txt (per template
-- position: "position|dose_kind|sets_max|per_side|load_kind|load_kg|band").
-- Patients FIRST..LAST (1-based, inclusive) are this phase's; PHASE (a small integer) goes into
-- every set id so phases never collide. Request g (counted over all threads) logs slot
-- floor(g / patients) of patient g mod patients: every patient logs a set before anyone logs
-- their next one, so no two requests ever claim the same (item, date, set, side) slot.
-- A thread that runs out of slots stops (and the run is reported as exhausted).

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("tid", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

local function lines(path)
   local out = {}
   local f = assert(io.open(path, "r"), "cannot open " .. path)
   for line in f:lines() do
      if line ~= "" then
         table.insert(out, line)
      end
   end
   f:close()
   return out
end

local function split(s, sep)
   local out = {}
   for field in string.gmatch(s .. sep, "([^" .. sep .. "]*)" .. sep) do
      table.insert(out, field)
   end
   return out
end

local auth = {}      -- per patient of this phase: "Bearer <token>"
local plan_ids = {}  -- per patient: plan id
local item_ids = {}  -- per patient: array of item ids, template position order
local slots = {}     -- { item = index, set = n, side = nil|"left"|"right", fields = '"reps":10,...' }
local npatients, nthreads, phase, date
result_file = nil -- a global: done() runs in wrk's main state and reads it from a thread
counter = 0 -- requests made by this thread (globals: done() reads them from each thread)
created, other, exhausted = 0, 0, 0
samples = ""

function init(args)
   local dir = args[1]
   local first, last = tonumber(args[2]), tonumber(args[3])
   phase = tonumber(args[4])
   date = args[5]
   result_file = args[6]
   nthreads = assert(tonumber(args[7]), "the 7th argument is wrk's thread count")
   local tokens = lines(dir .. "/tokens.txt")
   local plans = lines(dir .. "/plans.txt")
   assert(#tokens == #plans, "tokens.txt and plans.txt disagree on the number of patients")
   assert(last <= #plans, "not enough seeded patients")
   for p = first, last do
      table.insert(auth, "Bearer " .. tokens[p])
      local ids = split(plans[p], " ")
      table.insert(plan_ids, ids[1])
      local items = {}
      for i = 2, #ids do
         if ids[i] ~= "" then table.insert(items, ids[i]) end
      end
      table.insert(item_ids, items)
   end
   npatients = #auth
   local index = 0
   for _, line in ipairs(lines(dir .. "/slots.txt")) do
      local f = split(line, "|")
      index = index + 1
      local kind, sets_max, per_side, load_kind, load_kg, band = f[2], tonumber(f[3]), f[4] == "t", f[5], f[6], f[7]
      local fields
      if kind == "REPS" then
         fields = '"reps":10,"rir":2'
      else
         fields = '"seconds":300'
      end
      if load_kind == "KG" and load_kg ~= "" then
         fields = fields .. ',"loadKg":' .. load_kg
      elseif load_kind == "BAND" and band ~= "" then
         fields = fields .. ',"band":"' .. band .. '"'
      end
      for set = 1, sets_max do
         if per_side then
            table.insert(slots, { item = index, set = set, side = "left", fields = fields })
            table.insert(slots, { item = index, set = set, side = "right", fields = fields })
         else
            table.insert(slots, { item = index, set = set, fields = fields })
         end
      end
   end
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   local g = counter * nthreads + tid
   counter = counter + 1
   local p = g % npatients
   local s = math.floor(g / npatients)
   local slot = slots[s + 1]
   if slot == nil then
      -- Out of seeded slots: stop this thread; log-sets.sh fails the run.
      exhausted = exhausted + 1
      wrk.thread:stop()
      return wrk.format("GET", "/q/health/live")
   end
   local body = string.format(
      '{"setId":"5e7%05x-0000-4000-8000-%012x","planId":"%s","itemId":"%s","date":"%s","setNumber":%d,%s%s,'
         .. '"pain":1,"beyondNormalFatigue":false}',
      phase, g, plan_ids[p + 1], item_ids[p + 1][slot.item], date, slot.set,
      slot.side and ('"side":"' .. slot.side .. '",') or "", slot.fields)
   return wrk.format("POST", "/me/sets", { ["Authorization"] = auth[p + 1] }, body)
end

function response(status, headers, body)
   if status == 201 then
      created = created + 1
   else
      other = other + 1
      if other <= 3 then
         samples = samples .. "  HTTP " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n"
      end
   end
end

function done(summary, latency, requests)
   local c, o, x, n, sample = 0, 0, 0, 0, ""
   for _, thread in ipairs(threads) do
      n = n + thread:get("counter")
      c = c + thread:get("created")
      o = o + thread:get("other")
      x = x + thread:get("exhausted")
      sample = sample .. thread:get("samples")
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   local out = assert(io.open(threads[1]:get("result_file"), "w"))
   -- Requests made but never answered: cut off in flight when wrk stopped (at most one per connection);
   -- the service may still have stored them.
   out:write(string.format("created=%d\nnon_201=%d\nsocket_errors=%d\nexhausted=%d\nresponses=%d\nunanswered=%d\n",
      c, o, socket_errors, x, summary.requests, n - c - o))
   out:write(string.format("seconds=%.3f\nrate=%.1f\n", seconds, c / seconds))
   out:write(string.format("p50_ms=%.2f\np90_ms=%.2f\np99_ms=%.2f\np999_ms=%.2f\nmax_ms=%.2f\nmean_ms=%.2f\n",
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
   out:close()
   if sample ~= "" then
      io.stderr:write("first non-201 answers:\n" .. sample)
   end
end
