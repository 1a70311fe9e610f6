-- Reconciles one admitted request with what it really used, exactly once (the gateway calls it once
-- per admission): the token reservation becomes the real amount (if the booking already left the
-- window, only an excess is booked, now), the concurrency lease is freed, the cost difference booked.
-- KEYS: per scope: tok, amt, sum, conc; then budget day, budget month
-- ARGV: 1 now_ms, 2 window_ms, 3 ticket id, 4 token delta, 5 scope count, 6 cost delta, 7 day ttl s, 8 month ttl s
-- Returns: spent day, spent month
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local id = ARGV[3]
local delta = tonumber(ARGV[4])
local n = tonumber(ARGV[5])
local cost = tonumber(ARGV[6])
for i = 0, n - 1 do
  local tk, ak, sk, ck = KEYS[i * 4 + 1], KEYS[i * 4 + 2], KEYS[i * 4 + 3], KEYS[i * 4 + 4]
  local at = redis.call('ZSCORE', tk, id)
  if at and tonumber(at) > now - window then
    redis.call('HINCRBY', ak, id, delta)
    redis.call('INCRBY', sk, delta)
  elseif delta > 0 then
    local late = id .. ':late'
    redis.call('ZADD', tk, now, late)
    redis.call('HSET', ak, late, delta)
    redis.call('INCRBY', sk, delta)
    redis.call('PEXPIRE', tk, window * 2)
    redis.call('PEXPIRE', ak, window * 2)
    redis.call('PEXPIRE', sk, window * 2)
  end
  redis.call('ZREM', ck, id)
end
local dk, mk = KEYS[n * 4 + 1], KEYS[n * 4 + 2]
if cost ~= 0 then
  redis.call('INCRBYFLOAT', dk, cost)
  redis.call('INCRBYFLOAT', mk, cost)
  redis.call('EXPIRE', dk, tonumber(ARGV[7]))
  redis.call('EXPIRE', mk, tonumber(ARGV[8]))
end
return { tostring(tonumber(redis.call('GET', dk) or '0')), tostring(tonumber(redis.call('GET', mk) or '0')) }
