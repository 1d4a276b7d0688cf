#!/usr/bin/env python3
# Summarises a JFR recording of planner-service: where the CPU samples fall, by thread and by the nearest
# framework frame (self) or any frame (inclusive). Usage: jfr-split.py recording.jfr (needs `jfr` on PATH).
import json, sys, collections, subprocess
f = sys.argv[1]
out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', f], capture_output=True, text=True).stdout
ev = json.loads(out)['recording']['events']
n = len(ev)
top = collections.Counter(); leafc = collections.Counter(); leafa = collections.Counter(); incl = collections.Counter(); topm = collections.Counter(); threads = collections.Counter()
def pkg(fr):
    t = fr['method']['type']['name']
    parts = t.split('.')
    return '.'.join(parts[:3]) if len(parts) > 3 else t
markers = {'io.smallrye.jwt':'smallrye-jwt','org.jose4j':'jose4j','io.quarkus.oidc':'quarkus-oidc','com.arjuna':'narayana',
 'io.agroal':'agroal','org.postgresql':'pgjdbc','org.hibernate':'hibernate','com.fasterxml.jackson':'jackson',
 'org.hibernate.validator':'validator','io.vertx':'vertx','io.netty':'netty','org.jboss.resteasy':'resteasy','org.apache.kafka':'kafka',
 'sun.security':'jdk-crypto','java.math.BigInteger':'bigint','io.quarkus.security':'quarkus-security','io.quarkus.arc':'arc',
 'org.backstrong':'backstrong','org.jboss.logmanager':'logging', 'io.quarkus.narayana':'narayana'}
for e in ev:
    st = e['values']['stackTrace']
    threads[e['values']['sampledThread']['javaName'].rstrip('0123456789-')] += 1
    if not st or not st['frames']:
        continue
    fr = st['frames']
    top[pkg(fr[0])] += 1
    topm[fr[0]['method']['type']['name'] + '.' + fr[0]['method']['name']] += 1
    leaf = 'jdk/other'
    for x in fr:
        t = x['method']['type']['name'].replace('/', '.')
        hit = next((v for k, v in markers.items() if t.startswith(k)), None)
        if hit:
            leaf = hit
            break
    th0 = e['values']['sampledThread']['javaName'].rstrip('0123456789-')
    leafc[th0[:8] + ':' + leaf] += 1
    leafa[leaf] += 1
    seen = set()
    for x in fr:
        t = x['method']['type']['name'].replace('/', '.')
        for k, v in markers.items():
            if t.startswith(k):
                seen.add(v)
    for s in seen:
        incl[s] += 1
    th = e['values']['sampledThread']['javaName'].rstrip('0123456789-')
    for s in seen:
        incl[th[:8] + ':' + s] += 1
print('samples', n)
print('threads:', [(k, round(100*v/n,1)) for k, v in threads.most_common(12)])
print('top frame by package:', [(k, round(100*v/n,1)) for k, v in top.most_common(25)])
print('top methods:', [(k, round(100*v/n,1)) for k, v in topm.most_common(25)])
print('inclusive (stack contains):', [(k, round(100*v/n,1)) for k, v in incl.most_common(30)])
print('self by nearest framework frame:', [(k, round(100*v/n,1)) for k, v in leafa.most_common(25)])
print('self by thread:framework:', [(k, round(100*v/n,1)) for k, v in leafc.most_common(25)])
