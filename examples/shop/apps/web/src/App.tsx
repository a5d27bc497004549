import { Route, Routes } from 'react-router-dom';
import { Header } from './components/Header';
import { CheckoutPage } from './pages/CheckoutPage';
import { OrderPage } from './pages/OrderPage';
import { ProductPage } from './pages/ProductPage';

export function App() {
  return (
    <>
      <Header />
      <main>
        <Routes>
          <Route path="/products/:sku" element={<ProductPage />} />
          <Route path="/checkout" element={<CheckoutPage />} />
          <Route path="/orders/:id" element={<OrderPage />} />
        </Routes>
      </main>
    </>
  );
}
