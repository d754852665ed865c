import { foldVietnamese } from '@pho-so/shared/domain';
import { connection } from 'next/server';
import { fetchApiStatus } from '../lib/api-status';

const EXAMPLE_STREET = 'Lý Thường Kiệt';

export default async function HomePage() {
  // Render per request: the API status is live, and API_INTERNAL_URL is the container's, not the build's.
  await connection();
  const apiStatus = await fetchApiStatus();

  return (
    <>
      <h1>Phố Số</h1>
      <p>
        Phố Số là mã QR gắn trên biển tên đường ở khu vực thành phố Thái Bình cũ (nay thuộc tỉnh Hưng Yên). Quét mã
        trên biển, bạn sẽ thấy ngay trên điện thoại:
      </p>
      <ul>
        <li>thông tin con phố: điểm đầu, điểm cuối, chiều dài, phường, tên cũ và người được đặt tên;</li>
        <li>Trung tâm Phục vụ hành chính công của phường và các trung tâm gần nhất: đang mở cửa không, đi bộ bao xa;</li>
        <li>các thủ tục hành chính có thể nộp ở đó, kèm đường dẫn tới Cổng Dịch vụ công.</li>
      </ul>
      <p>
        Các trang phố đang được xây dựng và sẽ sớm có mặt. Sau này bạn cũng có thể tìm phố không cần gõ dấu, ví dụ
        “{foldVietnamese(EXAMPLE_STREET)}” sẽ tìm ra phố {EXAMPLE_STREET}.
      </p>
      <p>
        <small>
          API:{' '}
          {apiStatus === 'ready' ? <strong>sẵn sàng</strong> : <strong>chưa sẵn sàng</strong>}
        </small>
      </p>
    </>
  );
}
