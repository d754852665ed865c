import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Không tìm thấy trang' };

export default function NotFound() {
  return (
    <>
      <h1>Không tìm thấy trang</h1>
      <p>Địa chỉ này không có trên Phố Số. Có thể đường dẫn bị gõ sai, hoặc trang đã được chuyển đi.</p>
      <p>
        Nếu bạn vừa quét mã QR trên biển tên đường mà đến đây, hãy so mã in trên biển với địa chỉ trên thanh trình
        duyệt: mã QR có thể đã bị dán đè.
      </p>
      <p>
        <Link href="/">Về trang chủ Phố Số</Link>
      </p>
    </>
  );
}
