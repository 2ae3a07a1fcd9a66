package isola.isolate;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * {@code Deno.networkInterfaces()}: one entry per address, IPv4 ones first, each family in interface
 * order, as Deno lists what getifaddrs(3) gives.
 */
final class NetworkInterfaces {
  private NetworkInterfaces() {}

  /** [family, name, address, netmask, scopeid, cidr, mac] per address. */
  static List<Object> list() {
    List<NetworkInterface> interfaces;
    try {
      interfaces = new ArrayList<>(Collections.list(NetworkInterface.getNetworkInterfaces()));
    } catch (SocketException e) {
      throw new java.io.UncheckedIOException(e);
    }
    interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
    List<Object> v4 = new ArrayList<>();
    List<Object> v6 = new ArrayList<>();
    for (NetworkInterface nif : interfaces) {
      String mac;
      try {
        if (!nif.isUp()) continue;
        mac = mac(nif.getHardwareAddress());
      } catch (SocketException e) {
        continue;
      }
      for (InterfaceAddress a : nif.getInterfaceAddresses()) {
        if (a.getAddress() instanceof Inet4Address ip) {
          String address = ip.getHostAddress();
          v4.add(ProxyArray.fromArray("IPv4", nif.getName(), address, netmask(4, a.getNetworkPrefixLength()), null,
              address + "/" + a.getNetworkPrefixLength(), mac));
        } else if (a.getAddress() instanceof Inet6Address ip) {
          String address = compress(ip);
          v6.add(ProxyArray.fromArray("IPv6", nif.getName(), address, netmask(16, a.getNetworkPrefixLength()),
              ip.isLinkLocalAddress() ? ip.getScopeId() : 0, address + "/" + a.getNetworkPrefixLength(), mac));
        }
      }
    }
    v4.addAll(v6);
    return v4;
  }

  private static String mac(byte[] hardware) {
    if (hardware == null || hardware.length != 6) return "00:00:00:00:00:00";
    return HexFormat.ofDelimiter(":").formatHex(hardware);
  }

  private static String netmask(int bytes, int prefix) {
    byte[] mask = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      int bits = Math.max(0, Math.min(8, prefix - 8 * i));
      mask[i] = (byte) (0xff << (8 - bits));
    }
    try {
      return bytes == 4
          ? java.net.InetAddress.getByAddress(mask).getHostAddress()
          : compress((Inet6Address) java.net.InetAddress.getByAddress(mask));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 5952 text (the longest run of zero groups as ::), as Rust prints an Ipv6Addr. */
  private static String compress(Inet6Address ip) {
    byte[] b = ip.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
