package isola.ops.fetch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Decodes {@code content-encoding: br} bodies (fetch asks for them, as Deno does). The pure-Java
 * decoder reads a stream, so the body is gathered and decoded at its end: rare enough (only servers
 * that compress) to not need streaming.
 */
final class BrotliBodyDecoder extends ChannelInboundHandlerAdapter {
  private CompositeByteBuf gathered;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpResponse response) {
      release();
      if ("br".equalsIgnoreCase(response.headers().get("content-encoding", "").trim())) {
        gathered = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
      }
      ctx.fireChannelRead(msg);
      return;
    }
    if (gathered == null || !(msg instanceof HttpContent content)) {
      ctx.fireChannelRead(msg);
      return;
    }
    gathered.addComponent(true, content.content().retain());
    content.release();
    if (content instanceof LastHttpContent) {
      ByteBuf all = gathered;
      gathered = null;
      try (InputStream in = new BrotliInputStream(new ByteBufInputStream(all, true))) {
        ctx.fireChannelRead(new DefaultLastHttpContent(Unpooled.wrappedBuffer(in.readAllBytes())));
      } catch (IOException e) {
        throw new DecoderException("brotli: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    release();
    ctx.fireChannelInactive();
  }

  private void release() {
    if (gathered != null) gathered.release();
    gathered = null;
  }
}
