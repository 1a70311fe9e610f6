-- Admission of one request, atomically over every scope of one app and its budget (all keys share
-- the app's hash slot). Sliding one-minute windows: a sorted set of booking ids by time, a hash of
-- amounts and a running sum for tokens; concurrency as leases (score = lease expiry).
-- KEYS: per scope: req, tok, amt, sum, conc; then budget day, budget month
-- ARGV: 1 now_ms, 2 window_ms, 3 ticket id, 4 tokens, 5 lease_until_ms, 6 scope count,
--       7 daily limit (-1 none), 8 monthly limit (-1 none), 9 estimated cost, 10 day ttl s, 11 month ttl s,
--       then per scope: rpm, tpm, concurrency (0 = unlimited)
-- Returns: refusal ('' if admitted), refused scope index (-1), retry after ms, spent day, spent month,
--          then per scope: requests, tokens, inflight, reset requests ms, reset tokens ms
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local id = ARGV[3]
local tokens = tonumber(ARGV[4])
local lease = tonumber(ARGV[5])
local n = tonumber(ARGV[6])
local dayLimit = tonumber(ARGV[7])
local monthLimit = tonumber(ARGV[8])
local cost = tonumber(ARGV[9])
local edge = now - window

local function purgeTokens(tk, ak, sk)
  while true do
    local old = redis.call('ZRANGEBYSCORE', tk, '-inf', edge, 'LIMIT', 0, 500)
    if #old == 0 then return end
    local amounts = redis.call('HMGET', ak, unpack(old))
    local s = 0
    for _, a in ipairs(amounts) do s = s + (tonumber(a) or 0) end
    redis.call('DECRBY', sk, s)
    redis.call('HDEL', ak, unpack(old))
    redis.call('ZREM', tk, unpack(old))
  end
end

local function waitForRequests(rk, need)
  local e = redis.call('ZRANGE', rk, need - 1, need - 1, 'WITHSCORES')
  if #e == 0 then return window end
  return math.max(1, tonumber(e[2]) + window - now)
end

local function waitForTokens(tk, ak, need)
  local freed = 0
  local start = 0
  while true do
    local batch = redis.call('ZRANGE', tk, start, start + 99, 'WITHSCORES')
    if #batch == 0 then return window end
    for i = 1, #batch, 2 do
      freed = freed + (tonumber(redis.call('HGET', ak, batch[i])) or 0)
      if freed >= need then return math.max(1, tonumber(batch[i + 1]) + window - now) end
    end
    start = start + 100
  end
end

local function resetIn(zk)
  local e = redis.call('ZRANGE', zk, -1, -1, 'WITHSCORES')
  if #e == 0 then return 0 end
  return math.max(0, tonumber(e[2]) + window - now)
end

local refusal = ''
local refusedScope = -1
local wait = 0
for i = 0, n - 1 do
  local rk, tk, ak, sk, ck = KEYS[i * 5 + 1], KEYS[i * 5 + 2], KEYS[i * 5 + 3], KEYS[i * 5 + 4], KEYS[i * 5 + 5]
  local rpm, tpm, conc = tonumber(ARGV[12 + i * 3]), tonumber(ARGV[13 + i * 3]), tonumber(ARGV[14 + i * 3])
  redis.call('ZREMRANGEBYSCORE', rk, '-inf', edge)
  purgeTokens(tk, ak, sk)
  redis.call('ZREMRANGEBYSCORE', ck, '-inf', now)
  if refusal == '' then
    local reqs = redis.call('ZCARD', rk)
    local toks = tonumber(redis.call('GET', sk) or '0')
    if rpm > 0 and reqs + 1 > rpm then
      refusal = 'RPM'; wait = waitForRequests(rk, reqs + 1 - rpm)
    elseif tpm > 0 and tokens > tpm then
      refusal = 'TOO_LARGE'
    elseif tpm > 0 and toks + tokens > tpm then
      refusal = 'TPM'; wait = waitForTokens(tk, ak, toks + tokens - tpm)
    elseif conc > 0 and redis.call('ZCARD', ck) + 1 > conc then
      refusal = 'CONCURRENCY'; wait = 1000
    end
    if refusal ~= '' then refusedScope = i end
  end
end

local dk, mk = KEYS[n * 5 + 1], KEYS[n * 5 + 2]
local day = tonumber(redis.call('GET', dk) or '0')
local month = tonumber(redis.call('GET', mk) or '0')
if refusal == '' then
  if dayLimit >= 0 and (day >= dayLimit or day + cost > dayLimit) then
    refusal = 'BUDGET_DAILY'
  elseif monthLimit >= 0 and (month >= monthLimit or month + cost > monthLimit) then
    refusal = 'BUDGET_MONTHLY'
  end
end

if refusal == '' then
  for i = 0, n - 1 do
    local rk, tk, ak, sk, ck = KEYS[i * 5 + 1], KEYS[i * 5 + 2], KEYS[i * 5 + 3], KEYS[i * 5 + 4], KEYS[i * 5 + 5]
    local conc = tonumber(ARGV[14 + i * 3])
    redis.call('ZADD', rk, now, id)
    redis.call('PEXPIRE', rk, window * 2)
    if tokens > 0 then
      redis.call('ZADD', tk, now, id)
      redis.call('HSET', ak, id, tokens)
      redis.call('INCRBY', sk, tokens)
      redis.call('PEXPIRE', tk, window * 2)
      redis.call('PEXPIRE', ak, window * 2)
      redis.call('PEXPIRE', sk, window * 2)
    end
    if conc > 0 then
      redis.call('ZADD', ck, lease, id)
      redis.call('PEXPIRE', ck, lease - now + window)
    end
  end
  if cost ~= 0 then
    day = tonumber(redis.call('INCRBYFLOAT', dk, cost))
    month = tonumber(redis.call('INCRBYFLOAT', mk, cost))
    redis.call('EXPIRE', dk, tonumber(ARGV[10]))
    redis.call('EXPIRE', mk, tonumber(ARGV[11]))
  end
end

local out = { refusal, refusedScope, wait, tostring(day), tostring(month) }
for i = 0, n - 1 do
  local rk, tk, sk, ck = KEYS[i * 5 + 1], KEYS[i * 5 + 2], KEYS[i * 5 + 4], KEYS[i * 5 + 5]
  out[#out + 1] = redis.call('ZCARD', rk)
  out[#out + 1] = tonumber(redis.call('GET', sk) or '0')
  out[#out + 1] = redis.call('ZCARD', ck)
  out[#out + 1] = resetIn(rk)
  out[#out + 1] = resetIn(tk)
end
return out
