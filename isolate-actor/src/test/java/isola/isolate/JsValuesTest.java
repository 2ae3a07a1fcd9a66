package isola.isolate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsValuesTest {
  private final Context context = Context.newBuilder("js")
      .engine(SharedEngine.get().engine())
      .allowHostAccess(IsolateContext.HOST_ACCESS)
      .build();

  @AfterAll
  void close() {
    context.close();
  }

  private byte[] bytesOf(String js) {
    return JsValues.bytes(context.eval("js", js));
  }

  @Test
  void readsAnArrayBufferWhole() {
    assertArrayEquals(new byte[] {1, 2, 3}, bytesOf("new Uint8Array([1, 2, 3]).buffer"));
  }

  @Test
  void readsOnlyTheBytesAViewCovers() {
    assertArrayEquals(new byte[] {2, 3}, bytesOf("new Uint8Array([1, 2, 3, 4]).subarray(1, 3)"));
    assertArrayEquals(new byte[] {3, 4}, bytesOf("new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 2)"));
    assertArrayEquals(new byte[] {1, 0, 2, 0}, bytesOf("new Uint16Array([1, 2])"));
  }

  @Test
  void readsAnEmptyView() {
    assertArrayEquals(new byte[0], bytesOf("new Uint8Array(0)"));
  }

  @Test
  void bytesReturnedToJsReadAsAUint8Array() {
    Value toArray = context.eval("js", "(b) => Array.from(new Uint8Array(b).slice()).join()");
    assertEquals("5,6,255", toArray.execute(JsValues.toJs(new byte[] {5, 6, (byte) 255})).asString());
  }
}
