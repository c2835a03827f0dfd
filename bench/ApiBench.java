import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.slb.model.v20140515.CreateLoadBalancerRequest;
import com.aliyuncs.slb.model.v20140515.DescribeLoadBalancerAttributeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API throughput through the official SDK: N client threads for D seconds per action.
 * Usage: java -cp CP bench/ApiBench.java ENDPOINT KEY_ID SECRET THREADS SECONDS
 */
public class ApiBench {
  public static void main(String[] a) throws Exception {
    String endpoint = a[0];
    int threads = Integer.parseInt(a[3]);
    int seconds = Integer.parseInt(a[4]);
    DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", a[1], a[2]));
    CreateLoadBalancerRequest first = new CreateLoadBalancerRequest();
    first.setSysEndpoint(endpoint);
    first.setSysProtocol(ProtocolType.HTTP);
    String lbId = client.getAcsResponse(first).getLoadBalancerId();
    run("DescribeLoadBalancerAttribute", threads, seconds, () -> {
      DescribeLoadBalancerAttributeRequest r = new DescribeLoadBalancerAttributeRequest();
      r.setSysEndpoint(endpoint);
      r.setSysProtocol(ProtocolType.HTTP);
      r.setLoadBalancerId(lbId);
      client.getAcsResponse(r);
    });
    run("CreateLoadBalancer", threads, seconds, () -> {
      CreateLoadBalancerRequest r = new CreateLoadBalancerRequest();
      r.setSysEndpoint(endpoint);
      r.setSysProtocol(ProtocolType.HTTP);
      client.getAcsResponse(r);
    });
    rawRun("DescribeLoadBalancerAttribute (raw HTTP client)", endpoint, a[1], a[2], threads, seconds,
        java.util.Map.of("Action", "DescribeLoadBalancerAttribute", "LoadBalancerId", lbId));
    rawRun("CreateLoadBalancer (raw HTTP client)", endpoint, a[1], a[2], threads, seconds,
        java.util.Map.of("Action", "CreateLoadBalancer"));
    System.exit(0);
  }

  /** The same calls signed by hand and sent with the JDK's HTTP client: what the server can do. */
  static void rawRun(String name, String endpoint, String keyId, String secret, int threads, int seconds,
      java.util.Map<String, String> action) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    run(name, threads, seconds, () -> {
      java.util.TreeMap<String, String> p = new java.util.TreeMap<>(action);
      p.put("Version", "2014-05-15");
      p.put("Format", "JSON");
      p.put("RegionId", "cn-hangzhou");
      p.put("AccessKeyId", keyId);
      p.put("SignatureMethod", "HMAC-SHA1");
      p.put("SignatureVersion", "1.0");
      p.put("SignatureNonce", java.util.UUID.randomUUID().toString());
      p.put("Timestamp", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
      p.put("Signature", io.openslb.controlplane.auth.SignatureV1.sign(
          io.openslb.controlplane.auth.SignatureV1.stringToSign("GET", p), secret));
      StringBuilder q = new StringBuilder();
      p.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
          .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
      var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + endpoint + "/?" + q)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        throw new IllegalStateException(resp.statusCode() + " " + resp.body());
      }
    });
  }

  interface Call { void run() throws Exception; }

  static void run(String name, int threads, int seconds, Call call) throws Exception {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            call.run();
            ok.incrementAndGet();
            latencies.add(System.nanoTime() - t0);
          } catch (Exception e) {
            failed.incrementAndGet();
            if (failed.get() < 3) {
              System.err.println(name + ": " + e);
            }
          }
        }
      });
      t.start();
      ts.add(t);
    }
    for (Thread t : ts) {
      t.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    sorted.sort(null);
    double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
    double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1e6;
    System.out.printf("%-30s %8.0f calls/s  p50 %6.2f ms  p99 %6.2f ms  ok %d  failed %d  (%d threads, %d s)%n",
        name, ok.get() / (double) seconds, p50, p99, ok.get(), failed.get(), threads, seconds);
  }
}
